import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PICKER_LIMIT } from "../src/claims/claims.query.ts";
import { bearer, testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string };
let api: ReturnType<typeof bearer>;

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor");
  api = bearer(t.app, await t.token("editor"));
});
afterAll(() => t.close());

const post = (path: string, body: Record<string, unknown>) =>
  editor.agent
    .post(path)
    .type("form")
    .send({ _csrf: editor.csrf, ...body });

describe("length limits", () => {
  it("the record forms show each limit in the label and set no maxlength, so the browser never cuts pasted text", async () => {
    const claimForm = (await editor.agent.get("/claims/new").expect(200)).text;
    expect(claimForm).toMatch(
      /<label for="field-statement">Statement <span class="limit" data-limit="1000" data-for="field-statement">\(at most 1,000 characters\)<\/span><\/label>/,
    );
    expect(claimForm).toContain("(at most 10,000 characters)");
    for (const path of ["/claims/new", "/sources/new", "/entities/new"]) {
      expect((await editor.agent.get(path).expect(200)).text, path).not.toContain("maxlength");
    }
  });

  it("POST /claims with a 1,001-character statement answers 422 saying how long it is, keeps every character and writes nothing", async () => {
    const before = await t.db.claim.count();
    const statement = "a".repeat(1001);
    const res = await post("/claims", { statement, status: "rumored", confidence: "30" }).expect(422);
    expect(res.text).toContain("At most 1,000 characters; this has 1,001.");
    expect(res.text).toContain(`>${statement}</textarea>`);
    expect(await t.db.claim.count()).toBe(before);
  });
});

describe("one convention for every form", () => {
  it("each record form ends with the same Cancel link and leaves checking to the server's error summary (novalidate)", async () => {
    const admin = await t.signIn("admin");
    const claim = (await api.post("/api/claims", { statement: "The board met on Friday." }).expect(201)).body as { id: number };
    const forms: [Agent, string, string][] = [
      [editor.agent, "/claims/new", "/claims"],
      [editor.agent, `/claims/${claim.id}/edit`, `/claims/${claim.id}`],
      [editor.agent, "/sources/new", "/sources"],
      [editor.agent, "/entities/new", "/entities"],
      [admin.agent, "/users/new", "/users"],
    ];
    for (const [agent, path, back] of forms) {
      const page = (await agent.get(path).expect(200)).text;
      expect(page, path).toContain(`<a class="cancel" href="${back}">Cancel</a>`);
      expect(page, path).toMatch(/<form method="post" [^>]*novalidate>/);
    }
  });

  it("POST /entities with no name answers 422 with the error summary linking to the field", async () => {
    const res = await post("/entities", { name: "", kind: "person", aliases: "", description: "" }).expect(422);
    expect(res.text).toMatch(/<div class="error-summary" role="alert"[^>]*>[\s\S]*<a href="#field-name">The name is required\.<\/a>/);
  });
});

describe("searchable pickers without JavaScript", () => {
  it("Find on the new claim form lists a person found by alias beyond the most recent, keeps the ticked ones and the input, and creates nothing", async () => {
    const old = (await api.post("/api/entities", { name: "Zyxwv Oldperson", kind: "person", aliases: ["Quuxalias"] }).expect(201)).body as { id: number };
    let recent = 0;
    for (let i = 0; i < PICKER_LIMIT; i++)
      recent = ((await api.post("/api/entities", { name: `Recent person ${i}`, kind: "person" }).expect(201)).body as { id: number }).id;
    expect((await editor.agent.get("/claims/new").expect(200)).text).not.toContain("Zyxwv Oldperson");

    const before = await t.db.claim.count();
    const res = await post("/claims", {
      statement: "Typed before finding.",
      status: "rumored",
      confidence: "35",
      entityIds: [String(recent)],
      findEntities: "quuxali",
      find: "1",
    }).expect(200);
    expect(res.text).toContain(`value="${old.id}" > Zyxwv Oldperson</label>`);
    expect(res.text).toContain(`value="${recent}" checked> Recent person ${PICKER_LIMIT - 1}</label>`);
    expect(res.text).not.toContain("Recent person 0<");
    expect(res.text).toContain(">Typed before finding.</textarea>");
    expect(res.text).toContain('value="quuxali"');
    expect(await t.db.claim.count()).toBe(before);
  });

  it("Find on the edit form narrows the sources to cite and saves nothing; the claim page's find box narrows its source lists", async () => {
    const wanted = (await api.post("/api/sources", { title: "Quuxsource bulletin", kind: "news_report" }).expect(201)).body as { id: number };
    await api.post("/api/sources", { title: "Another paper entirely", kind: "news_report" }).expect(201);
    const claim = (await api.post("/api/claims", { statement: "The staff letter had 700 names." }).expect(201)).body as { id: number; version: number };

    const res = await post(`/claims/${claim.id}`, {
      statement: "An edit in progress.",
      version: String(claim.version),
      findSources: "quuxsource",
      find: "1",
    }).expect(200);
    expect(res.text).toContain(`value="${wanted.id}" > Quuxsource bulletin`);
    expect(res.text).not.toContain("Another paper entirely");
    expect(res.text).toContain(">An edit in progress.</textarea>");
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      statement: "The staff letter had 700 names.",
      version: claim.version,
    });

    const page = (await editor.agent.get(`/claims/${claim.id}?findSources=quuxsource`).expect(200)).text;
    expect(page).toContain(`<option value="${wanted.id}" >Quuxsource bulletin</option>`);
    expect(page).not.toContain("Another paper entirely");
  });
});
