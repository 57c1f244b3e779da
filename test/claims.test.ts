import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string; email: string };
let token: string;
const api = () => ({ Authorization: `Bearer ${token}` });

async function newClaim(body: Record<string, unknown> = {}) {
  const res = await editor.agent
    .post("/api/claims")
    .set("x-csrf-token", editor.csrf)
    .send({ statement: "The board approached Anthropic about a merger.", status: "rumored", confidence: 30, ...body })
    .expect(201);
  return res.body as { id: number; version: number; status: string };
}

async function newSource(title = "The Information") {
  const res = await editor.agent.post("/api/sources").set("x-csrf-token", editor.csrf).send({ title, kind: "news_report" }).expect(201);
  return res.body as { id: number };
}

const events = (id: number) => t.db.auditEvent.findMany({ where: { subjectType: "claim", subjectId: id }, orderBy: { id: "asc" } });

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor");
  token = await t.token("editor");
});
afterAll(() => t.close());

describe("claims pages", () => {
  it("POST /claims creates a claim, redirects to it and shows a flash", async () => {
    const res = await editor.agent
      .post("/claims")
      .type("form")
      .send({ _csrf: editor.csrf, statement: "Emmett Shear is interim CEO.", status: "unverified", confidence: "80", occurredAt: "2023-11-20T06:00" })
      .expect(302);
    const page = await editor.agent.get(res.headers.location!).expect(200);
    expect(page.text).toContain("Emmett Shear is interim CEO.");
    expect(page.text).toMatch(/Claim #\d+ created/);
    expect(page.text).toContain("20 Nov 2023, 06:00 UTC");
  });

  it("POST /claims with no statement and a confidence of 140 answers 422 with both messages, keeps the input and writes nothing", async () => {
    const before = await t.db.claim.count();
    const res = await editor.agent
      .post("/claims")
      .type("form")
      .send({ _csrf: editor.csrf, statement: "  ", context: "kept context", confidence: "140" })
      .expect(422);
    expect(res.text).toContain("The statement is required.");
    expect(res.text).toContain("Confidence must be from 0 to 100.");
    expect(res.text).toContain("kept context");
    expect(res.text).toContain('value="140"');
    expect(await t.db.claim.count()).toBe(before);
  });

  it("POST /claims/:id with a changed statement saves, bumps the version and records the before/after", async () => {
    const c = await newClaim();
    await editor.agent
      .post(`/claims/${c.id}`)
      .type("form")
      .send({
        _csrf: editor.csrf,
        version: String(c.version),
        statement: "The board approached Dario Amodei about a merger.",
        status: "rumored",
        confidence: "30",
      })
      .expect(302);
    const after = await t.db.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.version).toBe(c.version + 1);
    const last = (await events(c.id)).at(-1)!;
    expect(last.action).toBe("claim.update");
    expect(last.actorLabel).toBe(editor.email);
    expect(JSON.parse(last.changes)).toEqual({
      statement: ["The board approached Anthropic about a merger.", "The board approached Dario Amodei about a merger."],
    });
  });

  it("POST /claims/:id changing the status without a reason answers 422 and writes nothing", async () => {
    const c = await newClaim();
    const res = await editor.agent
      .post(`/claims/${c.id}`)
      .type("form")
      .send({
        _csrf: editor.csrf,
        version: String(c.version),
        statement: "The board approached Anthropic about a merger.",
        status: "unverified",
        confidence: "30",
      })
      .expect(422);
    expect(res.text).toContain("Say why the status or confidence changed");
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("rumored");
    expect(await events(c.id)).toHaveLength(1);
  });

  it("POST /claims/:id with a stale version answers 409, shows both versions, keeps the input and writes nothing", async () => {
    const c = await newClaim();
    await editor.agent.patch(`/api/claims/${c.id}`).set("x-csrf-token", editor.csrf).send({ version: c.version, statement: "Their edit won." }).expect(200);
    const res = await editor.agent
      .post(`/claims/${c.id}`)
      .type("form")
      .send({ _csrf: editor.csrf, version: String(c.version), statement: "My late edit.", status: "rumored", confidence: "30" })
      .expect(409);
    expect(res.text).toContain("Their edit won.");
    expect(res.text).toContain("My late edit.");
    expect(res.text).toContain(`name="version" value="${c.version + 1}"`);
    const now = await t.db.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(now.statement).toBe("Their edit won.");
    expect(now.version).toBe(c.version + 1);
    expect(await events(c.id)).toHaveLength(2);
  });

  it("an edit that changes nothing writes no audit event and keeps the version", async () => {
    const c = await newClaim();
    await editor.agent
      .post(`/claims/${c.id}`)
      .type("form")
      .send({
        _csrf: editor.csrf,
        version: String(c.version),
        statement: "The board approached Anthropic about a merger.",
        status: "rumored",
        confidence: "30",
      })
      .expect(302);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(c.version);
    expect(await events(c.id)).toHaveLength(1);
  });

  it("resolving a rumor with a note and a source records it, and the History page tells the story", async () => {
    const c = await newClaim();
    const s = await newSource("Anthropic statement");
    await editor.agent
      .post(`/claims/${c.id}/resolution`)
      .type("form")
      .send({ _csrf: editor.csrf, version: String(c.version), outcome: "false", note: "Anthropic denied any talks.", sourceIds: String(s.id) })
      .expect(302);
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(claim.status).toBe("false");
    expect(claim.resolutionNote).toBe("Anthropic denied any talks.");
    const last = (await events(c.id)).at(-1)!;
    expect(last.action).toBe("claim.resolve");
    expect(last.reason).toBe("Anthropic denied any talks.");
    expect(JSON.parse(last.sourceIds)).toEqual([s.id]);
    expect(JSON.parse(last.changes).status).toEqual(["rumored", "false"]);
    const history = await editor.agent.get(`/claims/${c.id}/history`).expect(200);
    expect(history.text).toContain("Anthropic denied any talks.");
    expect(history.text).toContain("Anthropic statement");
    const { name } = await t.db.user.findUniqueOrThrow({ where: { email: editor.email } });
    expect(history.text).toContain(`<td data-label="Who">${name}</td>`);
  });

  it("a blank confidence field means absent: resolving keeps the confidence, creating uses 50", async () => {
    const c = await newClaim();
    const s = await newSource();
    await editor.agent
      .post(`/claims/${c.id}/resolution`)
      .type("form")
      .send({ _csrf: editor.csrf, outcome: "confirmed", note: "Checked.", confidence: "", sourceIds: String(s.id) })
      .expect(302);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: c.id } })).confidence).toBe(30);
    const res = await editor.agent.post("/claims").type("form").send({ _csrf: editor.csrf, statement: "Blank confidence.", confidence: "" }).expect(302);
    const id = Number(res.headers.location!.split("/").pop());
    expect((await t.db.claim.findUniqueOrThrow({ where: { id } })).confidence).toBe(50);
  });

  it("resolving without a note answers 422 and writes nothing", async () => {
    const c = await newClaim();
    const s = await newSource();
    const res = await editor.agent
      .post(`/claims/${c.id}/resolution`)
      .type("form")
      .send({ _csrf: editor.csrf, outcome: "confirmed", note: "", sourceIds: String(s.id) })
      .expect(422);
    expect(res.text).toContain("A resolution note is required.");
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("rumored");
    expect(await events(c.id)).toHaveLength(1);
  });

  it("resolving without a cited source answers 422 (page and API) and writes nothing", async () => {
    const c = await newClaim();
    const page = await editor.agent
      .post(`/claims/${c.id}/resolution`)
      .type("form")
      .send({ _csrf: editor.csrf, outcome: "confirmed", note: "Confirmed by the company." })
      .expect(422);
    expect(page.text).toContain("Cite at least one source.");
    expect(page.text).toContain("Confirmed by the company.");
    const res = await request(t.app)
      .post(`/api/claims/${c.id}/resolution`)
      .set(api())
      .send({ outcome: "confirmed", note: "Confirmed.", sourceIds: [] })
      .expect(422);
    expect(res.body.error.code).toBe("invalid");
    expect(res.body.error.fields.sourceIds).toBe("Cite at least one source.");
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("rumored");
  });

  it("reopening a resolved claim needs a reason, then moves it back to an open state", async () => {
    const c = await newClaim();
    const s = await newSource();
    await editor.agent
      .post(`/api/claims/${c.id}/resolution`)
      .set("x-csrf-token", editor.csrf)
      .send({ outcome: "confirmed", note: "Confirmed.", sourceIds: [s.id] })
      .expect(200);
    const refused = await editor.agent.post(`/claims/${c.id}/reopen`).type("form").send({ _csrf: editor.csrf, status: "rumored", reason: "" }).expect(422);
    expect(refused.text).toContain("A reason for reopening is required.");
    await editor.agent
      .post(`/claims/${c.id}/reopen`)
      .type("form")
      .send({ _csrf: editor.csrf, status: "rumored", reason: "The company walked it back." })
      .expect(302);
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(claim.status).toBe("rumored");
    expect(claim.resolvedAt).toBeNull();
    const last = (await events(c.id)).at(-1)!;
    expect(last.action).toBe("claim.reopen");
    expect(last.reason).toBe("The company walked it back.");
  });

  it("a refused transition (resolving a resolved claim) answers 422 with a message naming the way", async () => {
    const c = await newClaim();
    const s = await newSource();
    await editor.agent
      .post(`/api/claims/${c.id}/resolution`)
      .set("x-csrf-token", editor.csrf)
      .send({ outcome: "confirmed", note: "Yes.", sourceIds: [s.id] })
      .expect(200);
    const res = await editor.agent
      .post(`/api/claims/${c.id}/resolution`)
      .set("x-csrf-token", editor.csrf)
      .send({ outcome: "false", note: "No.", sourceIds: [s.id] })
      .expect(422);
    expect(res.body.error.fields.outcome).toMatch(/reopen it first/);
  });

  it("adding evidence links the source with stance and quote, shows it grouped by stance and audits it", async () => {
    const c = await newClaim();
    const s = await newSource("Bloomberg TV interview");
    await editor.agent
      .post(`/claims/${c.id}/evidence`)
      .type("form")
      .send({ _csrf: editor.csrf, sourceId: String(s.id), stance: "refutes", quote: "« Il n’y a pas de fusion »" })
      .expect(302);
    const page = await editor.agent.get(`/claims/${c.id}`).expect(200);
    expect(page.text).toContain("Refutes (1)");
    expect(page.text).toContain("« Il n’y a pas de fusion »");
    const last = (await events(c.id)).at(-1)!;
    expect(last.action).toBe("evidence.add");
    expect(JSON.parse(last.sourceIds)).toEqual([s.id]);
    const history = await editor.agent.get(`/claims/${c.id}/history`).expect(200);
    expect(history.text).toContain("Evidence: — → refutes: Bloomberg TV interview — “« Il n’y a pas de fusion »”");
    const missing = await editor.agent.post(`/claims/${c.id}/evidence`).type("form").send({ _csrf: editor.csrf, sourceId: "", stance: "supports" }).expect(422);
    expect(missing.text).toContain("Choose a source.");
  });

  it("removing evidence asks first: the claim page links to a confirmation page, a POST without a reason answers 422 and removes nothing, one with a reason removes it and records the reason", async () => {
    const c = await newClaim();
    const s = await newSource("Kara Swisher on X");
    const ev = await editor.agent
      .post(`/api/claims/${c.id}/evidence`)
      .set("x-csrf-token", editor.csrf)
      .send({ sourceId: s.id, stance: "mentions", quote: "q" })
      .expect(201);
    const claimPage = await editor.agent.get(`/claims/${c.id}`).expect(200);
    expect(claimPage.text).toContain(`<a href="/claims/${c.id}/evidence/${ev.body.id}/delete">Remove this evidence…</a>`);
    expect(claimPage.text).not.toContain(`action="/claims/${c.id}/evidence/${ev.body.id}/delete"`);

    const confirm = await editor.agent.get(`/claims/${c.id}/evidence/${ev.body.id}/delete`).expect(200);
    expect(confirm.text).toContain("Remove this evidence?");
    expect(confirm.text).toContain("Kara Swisher on X");
    expect(confirm.text).toMatch(/<textarea id="field-reason" name="reason"[^>]* required/);
    expect(confirm.text).toContain(`action="/claims/${c.id}/evidence/${ev.body.id}/delete"`);

    const refused = await editor.agent
      .post(`/claims/${c.id}/evidence/${ev.body.id}/delete`)
      .type("form")
      .send({ _csrf: editor.csrf, reason: "   " })
      .expect(422);
    expect(refused.text).toContain('<p class="field-error" id="error-reason">Say why this evidence is removed; the audit trail keeps it.</p>');
    expect(await t.db.evidence.count({ where: { claimId: c.id } })).toBe(1);
    expect((await events(c.id)).at(-1)!.action).toBe("evidence.add");

    await editor.agent
      .post(`/claims/${c.id}/evidence/${ev.body.id}/delete`)
      .type("form")
      .send({ _csrf: editor.csrf, reason: "The post was about another board." })
      .expect(302);
    expect(await t.db.evidence.count({ where: { claimId: c.id } })).toBe(0);
    const last = (await events(c.id)).at(-1)!;
    expect(last.action).toBe("evidence.remove");
    expect(last.reason).toBe("The post was about another board.");
    expect(JSON.parse(last.changes).evidence[0]).toMatchObject({ sourceId: s.id, stance: "mentions", quote: "q" });
    await editor.agent.get(`/claims/${c.id}/evidence/${ev.body.id}/delete`).expect(404);
  });

  it("DELETE /api/claims/:id/evidence/:evidenceId needs a reason (422 without, nothing removed), then answers 200 with the claim and records the reason", async () => {
    const c = await newClaim();
    const s = await newSource();
    const ev = await request(t.app).post(`/api/claims/${c.id}/evidence`).set(api()).send({ sourceId: s.id, stance: "supports" }).expect(201);
    const bare = await request(t.app).delete(`/api/claims/${c.id}/evidence/${ev.body.id}`).set(api()).expect(422);
    expect(bare.body.error.fields.reason).toBe("Say why this evidence is removed; the audit trail keeps it.");
    await request(t.app).delete(`/api/claims/${c.id}/evidence/${ev.body.id}`).set(api()).send({ reason: "" }).expect(422);
    expect(await t.db.evidence.count({ where: { claimId: c.id } })).toBe(1);
    const res = await request(t.app).delete(`/api/claims/${c.id}/evidence/${ev.body.id}`).set(api()).send({ reason: "Linked by mistake." }).expect(200);
    expect(res.body).toMatchObject({ id: c.id, evidence: [] });
    expect((await events(c.id)).at(-1)).toMatchObject({ action: "evidence.remove", reason: "Linked by mistake." });
    await request(t.app).delete(`/api/claims/${c.id}/evidence/${ev.body.id}`).set(api()).send({ reason: "Again." }).expect(404);
  });

  it("markup typed into a statement, a source title and a quote is shown escaped on every page that shows it", async () => {
    const evil = `<script>window.pwned=1</script><img src=x onerror=alert(1)>`;
    const c = await newClaim({ statement: `Statement ${evil}` });
    const s = await newSource(`Title ${evil}`);
    await editor.agent
      .post(`/api/claims/${c.id}/evidence`)
      .set("x-csrf-token", editor.csrf)
      .send({ sourceId: s.id, stance: "supports", quote: `Quote ${evil}` })
      .expect(201);
    for (const url of [
      "/claims",
      `/claims/${c.id}`,
      `/claims/${c.id}/edit`,
      `/claims/${c.id}/history`,
      `/claims/${c.id}/resolve`,
      `/claims/${c.id}/evidence/new`,
    ]) {
      const page = await editor.agent.get(url).expect(200);
      expect(page.text, url).not.toContain("<script>window.pwned");
      expect(page.text, url).not.toContain("<img src=x");
      expect(page.text, url).toMatch(/&lt;script&gt;window.pwned=1&lt;\/script&gt;/);
    }
  });

  it("GET /claims filters by status, shows counts per status and pages newest first", async () => {
    const page = await editor.agent.get("/claims?status=rumored").expect(200);
    const rumored = await t.db.claim.count({ where: { status: "rumored" } });
    expect(page.text).toMatch(new RegExp(`Rumored <span class="count">${rumored}</span>`));
    expect(page.text).not.toContain('badge-confirmed"');
  });

  it("unknown and malformed claim ids answer 404, never 500", async () => {
    await editor.agent.get("/claims/999999").expect(404);
    await editor.agent.get("/claims/abc").expect(404);
    const res = await editor.agent.get("/api/claims/1e3").expect(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("claims API", () => {
  const http = () => request(t.app);

  it("POST /api/claims answers 201 with the claim, and 422 with field errors when invalid", async () => {
    const ok = await http().post("/api/claims").set(api()).send({ statement: "Altman returns as CEO.", confidence: 60 }).expect(201);
    expect(ok.body).toMatchObject({ statement: "Altman returns as CEO.", status: "unverified", confidence: 60, version: 1, evidence: [], entities: [] });
    const bad = await http().post("/api/claims").set(api()).send({ statement: "", confidence: "high", status: "confirmed" }).expect(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["confidence", "statement", "status"]);
  });

  it("PATCH /api/claims/:id with a stale version answers 409 and writes nothing", async () => {
    const c = await newClaim();
    await http().patch(`/api/claims/${c.id}`).set(api()).send({ version: c.version, confidence: 40, reason: "More sources." }).expect(200);
    const stale = await http().patch(`/api/claims/${c.id}`).set(api()).send({ version: c.version, confidence: 10, reason: "Stale." }).expect(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.error.current.confidence).toBe(40);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: c.id } })).confidence).toBe(40);
    expect(await events(c.id)).toHaveLength(2);
  });

  it("PATCH /api/claims/:id without a version answers 422", async () => {
    const c = await newClaim();
    const res = await http().patch(`/api/claims/${c.id}`).set(api()).send({ statement: "x" }).expect(422);
    expect(res.body.error.fields.version).toBeDefined();
  });

  it("GET /api/claims pages with an opaque cursor, newest first, without duplicates", async () => {
    for (let i = 0; i < 5; i++) await newClaim({ statement: `Paging claim ${i}` });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: number }[]; nextCursor: string | null } } = await http()
        .get(`/api/claims?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        .set(api())
        .expect(200);
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(seen.length).toBe(await t.db.claim.count());
    await http().get("/api/claims?cursor=garbage").set(api()).expect(400);
  });

  it("GET /api/claims/:id returns evidence with source, stance and quote, entities and version", async () => {
    const c = await newClaim();
    const s = await newSource("OpenAI blog");
    await http().post(`/api/claims/${c.id}/evidence`).set(api()).send({ sourceId: s.id, stance: "supports", quote: "Le conseil" }).expect(201);
    const res = await http().get(`/api/claims/${c.id}`).set(api()).expect(200);
    expect(res.body.version).toBe(c.version + 1);
    expect(res.body.evidence[0]).toMatchObject({ stance: "supports", quote: "Le conseil", source: { id: s.id, title: "OpenAI blog" } });
    expect(res.body.entities).toEqual([]);
  });

  it("GET /api/claims/:id/history lists the claim's events oldest first", async () => {
    const c = await newClaim();
    await http().patch(`/api/claims/${c.id}`).set(api()).send({ version: c.version, context: "ctx" }).expect(200);
    const res = await http().get(`/api/claims/${c.id}/history`).set(api()).expect(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual(["claim.create", "claim.update"]);
    expect(res.body[1].changes).toEqual({ context: ["", "ctx"] });
  });

  it("malformed JSON answers 400 with the error shape, not 500", async () => {
    const res = await http().post("/api/claims").set(api()).set("content-type", "application/json").send("{nope").expect(400);
    expect(res.body.error).toMatchObject({ code: "bad_request" });
  });
});
