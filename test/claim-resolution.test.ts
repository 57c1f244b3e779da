import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "../src/claims/claims.service.ts";
import { IMPORT } from "../src/transfer/import.service.ts";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

// Issue 9, item 7: History names people, shows the resolution note once, and a
// claim's page tells its verdict: who resolved it, when, citing what; and,
// once reopened, that it was resolved before, by whom and why it was reopened.

let t: TestApp;
let ed: { agent: Agent; csrf: string; email: string; id: number };
let rita: { agent: Agent; csrf: string; email: string; id: number };
let admin: { agent: Agent; csrf: string; email: string; id: number };

const post = (who: typeof ed, url: string, body: object) => who.agent.post(url).set("x-csrf-token", who.csrf).send(body);
const count = (text: string, part: string) => text.split(part).length - 1;

async function claimWithSources(statement: string) {
  const claim = (await post(ed, "/api/claims", { statement, status: "rumored", confidence: 30 }).expect(201)).body;
  const a = (await post(ed, "/api/sources", { title: `OpenAI blog on ${statement.slice(0, 12)}`, kind: "official_statement" }).expect(201)).body;
  const b = (await post(ed, "/api/sources", { title: "The Verge <live>", kind: "news_report" }).expect(201)).body;
  return { id: claim.id as number, a: a as { id: number; title: string }, b: b as { id: number; title: string } };
}

beforeAll(async () => {
  t = await testApp();
  ed = await t.signIn("editor");
  rita = await t.signIn("editor");
  admin = await t.signIn("admin");
  // the names the accounts go by now (`npm run users -- add … --name`), set after they acted or before alike
  await t.db.user.update({ where: { id: ed.id }, data: { name: "Ed Itor" } });
  await t.db.user.update({ where: { id: rita.id }, data: { name: "Rita Reporter" } });
});
afterAll(() => t.close());

describe("a claim's History", () => {
  it("names people by the name their account has now, not their e-mail; admins see the e-mail on hover only", async () => {
    const { id } = await claimWithSources("Altman was fired by video call.");
    await rita.agent.patch(`/api/claims/${id}`).set("x-csrf-token", rita.csrf).send({ version: 1, statement: "Altman was fired on a video call." }).expect(200);
    const page = await ed.agent.get(`/claims/${id}/history`).expect(200);
    expect(page.text).toContain('<td data-label="Who">Ed Itor</td>');
    expect(page.text).toContain('<td data-label="Who">Rita Reporter</td>');
    const table = page.text.slice(page.text.indexOf('<table class="table history">')); // the navigation names the signed-in account
    expect(table).not.toContain(ed.email);
    expect(table).not.toContain(rita.email);
    const asAdmin = await admin.agent.get(`/claims/${id}/history`).expect(200);
    expect(asAdmin.text).toContain(`<span title="${rita.email}">Rita Reporter</span>`);
  });

  it("falls back to the recorded label for an event made by the import, and for an account without a name", async () => {
    const { agent, csrf, id: userId } = await t.signIn("editor");
    await t.db.user.update({ where: { id: userId }, data: { name: "" } });
    const claim = (await agent.post("/api/claims").set("x-csrf-token", csrf).send({ statement: "Nameless editor's claim." }).expect(201)).body;
    const label = (await t.db.user.findUniqueOrThrow({ where: { id: userId } })).email;
    expect((await ed.agent.get(`/claims/${claim.id}/history`).expect(200)).text).toContain(`<td data-label="Who">${label}</td>`);
    // the import writes through the same service, as the actor "import"
    const imported = await createClaim(t.db, IMPORT, { statement: "An imported claim." });
    expect((await ed.agent.get(`/claims/${imported.id}/history`).expect(200)).text).toContain('<td data-label="Who">import</td>');
  });

  it("shows the resolution note once: as the resolve event's reason, not again as a changed field", async () => {
    const { id, a } = await claimWithSources("The board will resign.");
    const note = "Three board members confirmed it to The Information.";
    await post(ed, `/api/claims/${id}/resolution`, { outcome: "confirmed", note, sourceIds: [a.id] }).expect(200);
    await post(ed, `/api/claims/${id}/reopen`, { status: "rumored", reason: "One of them denied it since." }).expect(200);
    const page = await ed.agent.get(`/claims/${id}/history`).expect(200);
    expect(count(page.text, note)).toBe(1);
    expect(page.text).not.toContain("Resolution note:");
    expect(page.text).toContain("Claim resolved");
    expect(page.text).toContain("Status: Rumored → Confirmed");
  });
});

describe("a claim's page tells its verdict", () => {
  it("a resolved claim says who resolved it, as what, when, and links the sources it cited", async () => {
    const { id, a, b } = await claimWithSources("Microsoft hired Altman.");
    await post(rita, `/api/claims/${id}/resolution`, { outcome: "confirmed", note: "Nadella announced it.", sourceIds: [a.id, b.id] }).expect(200);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { subjectType: "claim", subjectId: id, action: "claim.resolve" } });
    const when = new Intl.DateTimeFormat("en-GB", {
      timeZone: "UTC",
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }).format(event.createdAt);
    const page = await ed.agent.get(`/claims/${id}`).expect(200);
    expect(page.text).toContain(`Resolved as confirmed by Rita Reporter on ${when} UTC, citing:`);
    expect(page.text).toContain(`<a href="/sources/${a.id}">${a.title}</a>, <a href="/sources/${b.id}">The Verge &lt;live&gt;</a>.`);
    expect(page.text).toContain("Nadella announced it.");
  });

  it("a reopened claim shows that it was resolved before, and who reopened it, when and why", async () => {
    const { id, a } = await claimWithSources("Altman returns as CEO.");
    await post(ed, `/api/claims/${id}/resolution`, { outcome: "false", note: "The board said no.", sourceIds: [a.id] }).expect(200);
    await post(rita, `/api/claims/${id}/reopen`, { status: "rumored", reason: "Talks resumed on Tuesday." }).expect(200);
    const page = await ed.agent.get(`/claims/${id}`).expect(200);
    expect(page.text).toContain("Resolved before, then reopened");
    expect(page.text).toContain("Resolved as false by Ed Itor on ");
    expect(page.text).toContain(`<a href="/sources/${a.id}">${a.title}</a>.`);
    expect(page.text).toContain("The note then: The board said no.");
    expect(page.text).toMatch(/Reopened on \d+ \w+ \d{4}, \d\d:\d\d UTC by Rita Reporter because: Talks resumed on Tuesday\./);
    const never = await claimWithSources("Never resolved.");
    expect((await ed.agent.get(`/claims/${never.id}`).expect(200)).text).not.toContain("Resolved before");
  });
});

describe("reopening may set the confidence", () => {
  it("the reopen form and the API take a confidence, record it with the reason, and refuse one out of range with nothing written", async () => {
    const { id, a } = await claimWithSources("The letter had 700 signatures.");
    await post(ed, `/api/claims/${id}/resolution`, { outcome: "confirmed", note: "Counted.", sourceIds: [a.id], confidence: 90 }).expect(200);
    const page = await ed.agent.get(`/claims/${id}`).expect(200);
    expect(page.text).toContain('<label for="field-confidence">Confidence after reopening (optional, 0–100)</label>');
    const bad = await ed.agent
      .post(`/claims/${id}/reopen`)
      .type("form")
      .send({ _csrf: ed.csrf, version: "2", status: "rumored", reason: "Some signed twice.", confidence: "140" })
      .expect(422);
    expect(bad.text).toContain('id="error-confidence"');
    expect((await t.db.claim.findUniqueOrThrow({ where: { id } })).status).toBe("confirmed");
    await ed.agent
      .post(`/claims/${id}/reopen`)
      .type("form")
      .send({ _csrf: ed.csrf, version: "2", status: "rumored", reason: "Some signed twice.", confidence: "55" })
      .expect(302);
    expect(await t.db.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "rumored", confidence: 55 });
    const last = await t.db.auditEvent.findFirstOrThrow({ where: { subjectType: "claim", subjectId: id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "claim.reopen", reason: "Some signed twice." });
    expect(JSON.parse(last.changes).confidence).toEqual([90, 55]);
    const viaApi = await claimWithSources("The API reopens too.");
    await post(ed, `/api/claims/${viaApi.id}/resolution`, { outcome: "false", note: "No.", sourceIds: [viaApi.a.id] }).expect(200);
    const res = await request(t.app)
      .post(`/api/claims/${viaApi.id}/reopen`)
      .set("Authorization", `Bearer ${await t.token("editor")}`)
      .send({ status: "unverified", reason: "New video.", confidence: 40 })
      .expect(200);
    expect(res.body).toMatchObject({ status: "unverified", confidence: 40 });
  });
});
