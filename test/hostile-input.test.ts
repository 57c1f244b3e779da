import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfFrom, testApp, type Agent, type TestApp } from "./helpers/app.ts";

// Input that used to answer 500 or be stored as garbage (issue 8, items 8, 9,
// 10 and 14): each request is refused with a 4xx and a message, and nothing
// is written.

let t: TestApp;
let auth: { Authorization: string };
let editor: { agent: Agent; csrf: string };
let claimId: number;
let sourceId: number;

const DEEP = "[".repeat(10_000) + "]".repeat(10_000);

/** Every table a refused write could have touched. */
const rows = async () => ({
  claims: await t.db.claim.count(),
  sources: await t.db.source.count(),
  entities: await t.db.entity.count(),
  aliases: await t.db.entityAlias.count(),
  evidence: await t.db.evidence.count(),
  events: await t.db.auditEvent.count(),
});

const api = (method: "post" | "patch", url: string) => request(t.app)[method](url).set(auth);
/** A raw JSON body, for what JSON.stringify cannot write (a lone surrogate) or will not nest (10,000 deep). */
const rawJson = (method: "post" | "patch", url: string, body: string) => api(method, url).set("content-type", "application/json").send(body);
/** A page form post from the signed-in editor. */
const form = (url: string, fields: Record<string, string>) =>
  editor.agent
    .post(url)
    .type("form")
    .send({ _csrf: editor.csrf, ...fields });

beforeAll(async () => {
  t = await testApp();
  auth = { Authorization: `Bearer ${await t.token("editor")}` };
  editor = await t.signIn("editor");
  claimId = (await api("post", "/api/claims").send({ statement: "A claim to abuse." }).expect(201)).body.id;
  sourceId = (await api("post", "/api/sources").send({ title: "A source" }).expect(201)).body.id;
});
afterAll(() => t.close());

describe("lone surrogates, extreme dates, bad cursors, huge ids and deep bodies (item 8)", () => {
  it("a lone surrogate in any text field answers 422 naming the field, and writes nothing", async () => {
    const before = await rows();
    const cases: [string, string, string, string][] = [
      ["post", "/api/claims", '{"statement":"\\ud800"}', "statement"],
      ["post", "/api/claims", '{"statement":"ok","context":"a\\udc00b"}', "context"],
      ["patch", `/api/claims/${claimId}`, '{"occurredAtText":"\\ud83d","version":1}', "occurredAtText"],
      ["post", "/api/sources", '{"title":"\\ud800"}', "title"],
      ["post", "/api/entities", '{"name":"Ok","kind":"person","aliases":["fine","\\ud800"]}', "aliases"],
      ["post", `/api/claims/${claimId}/evidence`, `{"sourceId":${sourceId},"stance":"supports","quote":"\\udfff"}`, "quote"],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await rawJson(method as "post", url, body);
      expect(res.status, `${url} ${body}`).toBe(422);
      expect(res.body.error.fields[field], `${url} ${body}`).toMatch(/lone UTF-16 surrogate/);
    }
    expect(await rows()).toEqual(before);
  });

  it("POST /login with a lone surrogate in the email answers 422 with the message, and signs nobody in", async () => {
    const agent = request.agent(t.app);
    const csrf = csrfFrom((await agent.get("/login").expect(200)).text);
    const res = await agent
      .post("/login")
      .set("content-type", "application/json")
      .set("Accept", "application/json")
      .send(`{"_csrf":"${csrf}","email":"\\ud800@example.org","password":"x"}`);
    expect(res.status).toBe(422);
    expect(res.body.error.fields.email).toMatch(/lone UTF-16 surrogate/);
    await agent.get("/claims").expect(302);
  });

  it("dates of the years +275760 and -271821 answer 422 with the message, through the API and the form", async () => {
    const before = await rows();
    for (const date of ["+275760-09-13T00:00:00Z", "-271821-04-20T00:00:00Z"]) {
      for (const field of ["occurredAt", "firstReportedAt"]) {
        const res = await api("post", "/api/claims")
          .send({ statement: "Dated.", [field]: date })
          .expect(422);
        expect(res.body.error.fields[field], date).toMatch(/years 1000 to 9999/);
      }
      const source = await api("post", "/api/sources").send({ title: "Dated", publishedAt: date }).expect(422);
      expect(source.body.error.fields.publishedAt).toMatch(/years 1000 to 9999/);
      const day = date.slice(0, date.indexOf("T"));
      const page = await form("/claims", { statement: "Dated.", occurredDate: day }).expect(422);
      expect(page.text).toContain("in the years 1000 to 9999");
      expect(page.text).toContain(`value="${day}"`); // the editor's input is kept
    }
    expect(await rows()).toEqual(before);
  });

  it("GET /api/claims?sort=occurred with a cursor whose key is not a date answers 400 with a message, the page too", async () => {
    const cursor = "WyJvY2N1cnJlZCIsIm5vdC1hLWRhdGUiLDVd"; // ["occurred","not-a-date",5]
    const res = await request(t.app).get(`/api/claims?sort=occurred&cursor=${cursor}`).set(auth).expect(400);
    expect(res.body.error.message).toMatch(/cursor does not belong to this list or sort/);
    const page = await editor.agent.get(`/claims?sort=occurred&cursor=${cursor}`).expect(400);
    expect(page.text).toContain("start again from the first page");
  });

  it("?entity=1e308 and a 40-digit ?source answer 422 with a message, on the API and the page", async () => {
    for (const q of ["entity=1e308", `source=${"9".repeat(40)}`]) {
      const field = q.split("=")[0]!;
      const res = await request(t.app).get(`/api/claims?${q}`).set(auth).expect(422);
      expect(res.body.error.fields[field], q).toMatch(/an id|id that large/);
      const page = await editor.agent.get(`/claims?${q}`).expect(422);
      expect(page.text, q).toMatch(/Must be an id|No record has an id that large/);
    }
  });

  it("a JSON array nested 10,000 deep answers 400 'nested too deeply' on the form route, the API and the sign-in", async () => {
    const before = await rows();
    const page = await editor.agent.post("/claims").set("content-type", "application/json").set("x-csrf-token", editor.csrf).send(`{"statement":${DEEP}}`);
    expect(page.status).toBe(400);
    expect(page.text).toContain("nested too deeply");
    const res = await rawJson("post", "/api/claims", `{"statement":"ok","entityIds":${DEEP}}`).expect(400);
    expect(res.body.error).toEqual({ code: "bad_request", message: "The request body is nested too deeply (more than 32 levels)." });
    const agent = request.agent(t.app);
    const csrf = csrfFrom((await agent.get("/login")).text);
    const login = await agent.post("/login").set("content-type", "application/json").send(`{"_csrf":"${csrf}","email":${DEEP}}`);
    expect(login.status).toBe(400);
    expect(await rows()).toEqual(before);
  });
});

describe("loose coercions and NUL (item 9)", () => {
  it('confidence true, [7], "0x10" or "1e1" answers 422 instead of being stored as 1, 7, 16 or 10', async () => {
    const before = await rows();
    for (const confidence of [true, [7], "0x10", "1e1", 12.5, null]) {
      const res = await api("post", "/api/claims").send({ statement: "Coerced.", confidence }).expect(422);
      expect(res.body.error.fields.confidence, JSON.stringify(confidence)).toMatch(/Confidence must be a whole number/);
    }
    const page = await form("/claims", { statement: "Coerced.", confidence: "0x10" }).expect(422);
    expect(page.text).toContain("Confidence must be a whole number");
    expect(await rows()).toEqual(before);
  });

  it("ids and versions sent as booleans, lists, hex or exponents answer 422; digits from forms still work", async () => {
    const before = await rows();
    const cases: [string, string, Record<string, unknown>, string][] = [
      ["post", "/api/claims", { statement: "x", entityIds: [true] }, "entityIds"],
      ["patch", `/api/claims/${claimId}`, { context: "x", version: true }, "version"],
      ["patch", `/api/claims/${claimId}`, { context: "x", version: [1] }, "version"],
      ["post", `/api/claims/${claimId}/evidence`, { sourceId: `0x${sourceId.toString(16)}`, stance: "supports" }, "sourceId"],
      ["post", `/api/claims/${claimId}/evidence`, { sourceId: 1e308, stance: "supports" }, "sourceId"],
      ["patch", `/api/sources/${sourceId}`, { notes: "x", version: "1e0" }, "version"],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await api(method as "post", url).send(body);
      expect(res.status, `${url} ${JSON.stringify(body)}`).toBe(422);
      expect(res.body.error.fields[field], `${url} ${JSON.stringify(body)}`).toEqual(expect.any(String));
    }
    expect(await rows()).toEqual(before);
    await form("/claims", { statement: "Digits from a form.", confidence: "35", entityIds: "" }).expect(302);
  });

  it('dates "1", "50.5" and the number 1 answer 422 instead of being stored as 2001-01-01, 1950-05-01 and 1970', async () => {
    const before = await rows();
    for (const occurredAt of ["1", "50.5", 1, "2023-02-30", "0999-12-31T00:00:00Z", "9999-12-31T23:00:00-05:00", true]) {
      const res = await api("post", "/api/claims").send({ statement: "Dated.", occurredAt }).expect(422);
      expect(res.body.error.fields.occurredAt, JSON.stringify(occurredAt)).toMatch(/Must be a date and time/);
    }
    expect(await rows()).toEqual(before);
    const ok = await api("post", "/api/claims")
      .send({ statement: "Dated.", occurredAt: "2023-11-20T07:00:00.123456+01:00", firstReportedAt: "2023-11-20" })
      .expect(201);
    expect(ok.body).toMatchObject({ occurredAt: "2023-11-20T06:00:00.123Z", firstReportedAt: "2023-11-20T00:00:00.000Z" });
  });

  it("NUL in a text field answers 422 naming it, through the API and the form (input kept), and is never stored", async () => {
    const before = await rows();
    const cases: [string, Record<string, unknown>, string][] = [
      ["/api/claims", { statement: "a\u0000b" }, "statement"],
      ["/api/sources", { title: "ok", notes: "\u0000" }, "notes"],
      ["/api/sources", { title: "ok", url: "https://example.org/\u0000" }, "url"],
      ["/api/entities", { name: "Ok", kind: "person", aliases: ["a\u0000"] }, "aliases"],
      [`/api/claims/${claimId}/resolution`, { outcome: "false", note: "x\u0000", sourceIds: [sourceId] }, "note"],
    ];
    for (const [url, body, field] of cases) {
      const res = await api("post", url).send(body);
      expect(res.status, url).toBe(422);
      expect(res.body.error.fields[field], url).toBe("Must not contain the NUL character (U+0000, which pages show as �); remove it.");
    }
    const page = await form("/claims", { statement: "Before\u0000after" }).expect(422);
    expect(page.text).toContain("Must not contain the NUL character");
    // eslint-disable-next-line no-control-regex -- the NUL is the point: it must come back as typed
    expect(page.text).toMatch(/<textarea id="field-statement"[^>]*>Before\u0000after<\/textarea>/);
    expect(await rows()).toEqual(before);
  });
});
