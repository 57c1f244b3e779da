import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

// Issue 9, item 8: the conflict pages name who saved first and why, label the
// fields in words, compare people and organisations by name, and keep their
// "Now" / "Your edit" labels when the table stacks on a phone.

let t: TestApp;
let mine: { agent: Agent; csrf: string; email: string; id: number };
let theirs: { agent: Agent; csrf: string; email: string; id: number };

const send = (who: typeof mine, method: "post" | "patch", url: string, body: object) => who.agent[method](url).set("x-csrf-token", who.csrf).send(body);

beforeAll(async () => {
  t = await testApp();
  mine = await t.signIn("editor");
  theirs = await t.signIn("editor");
  await t.db.user.update({ where: { id: theirs.id }, data: { name: "Rita Reporter" } });
});
afterAll(() => t.close());

describe("the claim conflict page", () => {
  it("names who saved first, when and why, labels fields in words, compares people and organisations by name, and labels both columns for a phone", async () => {
    const altman = (await send(mine, "post", "/api/entities", { name: "Sam Altman", kind: "person" }).expect(201)).body;
    const msft = (await send(mine, "post", "/api/entities", { name: "Microsoft", kind: "organization" }).expect(201)).body;
    const claim = (
      await send(mine, "post", "/api/claims", { statement: "Altman joins Microsoft.", status: "rumored", confidence: 30, entityIds: [altman.id] }).expect(201)
    ).body;
    await send(theirs, "patch", `/api/claims/${claim.id}`, {
      version: 1,
      confidence: 80,
      reason: "Nadella posted it on X.",
      entityIds: [altman.id, msft.id],
    }).expect(200);

    const page = await mine.agent
      .post(`/claims/${claim.id}`)
      .type("form")
      .send({
        _csrf: mine.csrf,
        version: "1",
        statement: "Altman joins Microsoft.",
        status: "rumored",
        confidence: "30",
        occurredZone: "UTC",
        occurredDate: "2023-11-20",
        occurredPrecision: "instant",
        occurredTime: "07:00",
        occurredAtText: "lundi matin",
        entityIds: String(altman.id),
      })
      .expect(409);
    expect(page.text).toMatch(/<strong>Rita Reporter<\/strong> saved version 2 on \d+ \w+ \d{4}, \d\d:\d\d UTC \(Claim edited\)\./);
    expect(page.text).toContain("Their reason: Nadella posted it on X.");
    expect(page.text).not.toContain(theirs.email);
    expect(page.text).toContain("Occurred, in the source&#39;s words");
    expect(page.text).not.toContain("OccurredAtText");
    expect(page.text).toContain('<td data-label="Now (version 2)">Microsoft, Sam Altman</td>');
    expect(page.text).toContain('<td data-label="Your edit">Sam Altman</td>');
    expect(page.text).toContain('<td data-label="Your edit">2023-11-20</td>');
    expect(page.text).toContain('<td data-label="Your edit">07:00</td>');
    expect(page.text).toMatch(/How precise[\s\S]*?<td data-label="Your edit">Exact time<\/td>/);
    expect(page.text).toMatch(/People and organisations <span class="tag">differs<\/span>/);
    expect(page.text).toMatch(/Confidence <span class="tag">differs<\/span>/);
    expect(page.text).toMatch(/<th scope="row">Statement<\/th>/);
  });

  it("says so when the version that won gave no reason", async () => {
    const claim = (await send(mine, "post", "/api/claims", { statement: "The board met at noon." }).expect(201)).body;
    await send(theirs, "patch", `/api/claims/${claim.id}`, { version: 1, context: "Per two sources." }).expect(200);
    const page = await mine.agent
      .post(`/claims/${claim.id}`)
      .type("form")
      .send({ _csrf: mine.csrf, version: "1", statement: "The board met at one.", status: "unverified", confidence: "50" })
      .expect(409);
    expect(page.text).toContain("<strong>Rita Reporter</strong> saved version 2");
    expect(page.text).toContain("They gave no reason.");
  });
});

describe("the source conflict page", () => {
  it("names who saved first and labels both columns of each row, kind and reliability in words", async () => {
    const source = (await send(mine, "post", "/api/sources", { title: "Bloomberg report", kind: "news_report" }).expect(201)).body;
    await send(theirs, "patch", `/api/sources/${source.id}`, { version: 1, reliability: "unreliable" }).expect(200);
    const page = await mine.agent
      .post(`/sources/${source.id}`)
      .type("form")
      .send({ _csrf: mine.csrf, version: "1", title: "Bloomberg scoop", kind: "news_report", reliability: "unknown" })
      .expect(409);
    expect(page.text).toMatch(/<strong>Rita Reporter<\/strong> saved version 2 on .+ \(Source edited\)\./);
    expect(page.text).toContain('<td data-label="Now saved (version 2)">Unreliable</td>');
    expect(page.text).toContain('<td data-label="Your edit">Unknown</td>');
    expect(page.text).toContain('<td data-label="Your edit">News report</td>');
  });
});
