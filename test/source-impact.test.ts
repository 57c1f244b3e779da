import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";
import { refuse } from "./helpers/guards.ts";

let t: TestApp;
let editorToken: string;
let viewerToken: string;
let n = 0;
const unique = (label: string) => `${label} ${++n}-${Date.now()}`;

beforeAll(async () => {
  t = await testApp();
  editorToken = await t.token("editor");
  viewerToken = await t.token("viewer");
});
afterAll(async () => {
  await t.close();
});

const api = (token = editorToken) => bearer(t.app, token);

/** A section of a page by its heading id, up to the section's end. */
const section = (html: string, id: string) => html.split(`aria-labelledby="${id}"`)[1]!.split("</section>")[0]!;

async function newSource(title = unique("Source")) {
  const res = await api().post("/api/sources", { title }).expect(201);
  return res.body as { id: number; title: string; version: number };
}

async function newClaim(label: string) {
  const statement = unique(label);
  const res = await api().post("/api/claims", { statement }).expect(201);
  return { id: (res.body as { id: number }).id, statement };
}

const claimRow = (id: number) => t.db.claim.findUniqueOrThrow({ where: { id } });
const events = (where: { action?: string; subjectType?: string; subjectId?: number | { in: number[] } }) =>
  t.db.auditEvent.findMany({ where, orderBy: { id: "asc" } });

/**
 * One source and five claims: two whose status changed citing it (a
 * reclassification and a resolution), one whose confidence did, one that
 * only links it as evidence (its status moved on another source), and one
 * edited citing it without moving status or confidence.
 */
async function scenario() {
  const source = await newSource(unique("Anonymous account"));
  const other = await newSource();
  const rumored = await newClaim("Reclassified on the source");
  await api()
    .patch(`/api/claims/${rumored.id}`, { version: 1, status: "rumored", reason: "Two outlets repeat it.", sourceIds: [source.id] })
    .expect(200);
  const resolved = await newClaim("Resolved on the source");
  await api()
    .post(`/api/claims/${resolved.id}/resolution`, { outcome: "confirmed", note: "On the record.", sourceIds: [source.id, other.id] })
    .expect(200);
  const confidence = await newClaim("Confidence moved on the source");
  await api()
    .patch(`/api/claims/${confidence.id}`, { version: 1, confidence: 80, reason: "More detail.", sourceIds: [source.id] })
    .expect(200);
  const evidenceOnly = await newClaim("Evidence only");
  await api().post(`/api/claims/${evidenceOnly.id}/evidence`, { sourceId: source.id, stance: "supports", quote: "Il est rapporté" }).expect(201);
  // adding evidence bumped the claim to version 2
  await api()
    .patch(`/api/claims/${evidenceOnly.id}`, { version: 2, status: "rumored", reason: "Another source.", sourceIds: [other.id] })
    .expect(200);
  const unmoved = await newClaim("Edited without a move");
  await api()
    .patch(`/api/claims/${unmoved.id}`, { version: 1, context: "Wording fixed.", sourceIds: [source.id] })
    .expect(200);
  return { source, rumored, resolved, confidence, evidenceOnly, unmoved, cited: [rumored, resolved, confidence], uncited: [evidenceOnly, unmoved] };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

async function markUnreliable(s: Scenario) {
  const current = await t.db.source.findUniqueOrThrow({ where: { id: s.source.id } });
  return api().patch(`/api/sources/${s.source.id}`, { version: current.version, reliability: "unreliable" }).expect(200);
}
const reasonFor = (s: Scenario) => `Source “${s.source.title}” was marked unreliable`;

describe("a source's impact", () => {
  it("GET /api/sources/:id lists the claims whose status or confidence changes cited it, with each change; evidence-only and non-moving citations are not", async () => {
    const s = await scenario();
    const res = await api().get(`/api/sources/${s.source.id}`).expect(200);
    const impact = res.body.impact as { id: number; changes: { action: string; status: unknown; confidence: unknown; at: string }[] }[];
    expect(impact.map((c) => c.id)).toEqual([s.confidence.id, s.resolved.id, s.rumored.id]);
    const byId = Object.fromEntries(impact.map((c) => [c.id, c]));
    expect(byId[s.rumored.id]).toMatchObject({
      statement: s.rumored.statement,
      status: "rumored",
      changes: [{ action: "claim.status", status: ["unverified", "rumored"], confidence: null }],
    });
    expect(byId[s.resolved.id]).toMatchObject({
      status: "confirmed",
      changes: [{ action: "claim.resolve", status: ["unverified", "confirmed"], confidence: null }],
    });
    expect(byId[s.confidence.id]).toMatchObject({ status: "unverified", changes: [{ action: "claim.update", status: null, confidence: [50, 80] }] });
    expect(Date.parse(byId[s.rumored.id]!.changes[0]!.at)).not.toBeNaN();
    // the evidence-only claim still cites the source as evidence
    expect((res.body.claims as { id: number }[]).map((c) => c.id)).toEqual([s.evidenceOnly.id]);
  });

  it("the kept SourceCitation table holds exactly the citing changes the audit log defines, so the page reads it instead of the log", async () => {
    await scenario();
    const kept = await t.db.sourceCitation.findMany({
      select: { sourceId: true, eventId: true, claimId: true },
      orderBy: [{ sourceId: "asc" }, { eventId: "asc" }],
    });
    // what the log defines: every source cited by a claim event that moved its status or confidence
    const events = await t.db.auditEvent.findMany({
      where: { subjectType: "claim", action: { in: ["claim.status", "claim.update", "claim.resolve", "claim.reopen"] } },
    });
    const defined = events
      .filter((e) => ["status", "confidence"].some((k) => Object.hasOwn(JSON.parse(e.changes) as object, k)))
      .flatMap((e) => [...new Set(JSON.parse(e.sourceIds) as number[])].map((sourceId) => ({ sourceId, eventId: e.id, claimId: e.subjectId })))
      .sort((a, b) => a.sourceId - b.sourceId || a.eventId - b.eventId);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(defined);
  });

  it("GET /sources/:id shows the impact section with each change, and an empty state for a source no change cited", async () => {
    const s = await scenario();
    const { agent } = await t.signIn("viewer");
    const page = await agent.get(`/sources/${s.source.id}`).expect(200);
    const impact = section(page.text, "impact-title");
    expect(impact).toContain("Claims whose status or confidence rested on this source");
    for (const c of s.cited) expect(impact).toContain(`<a href="/claims/${c.id}">${c.statement}</a>`);
    for (const c of s.uncited) expect(impact).not.toContain(c.statement);
    expect(impact).toContain("Status changed: Unverified → Rumored");
    expect(impact).toContain("Claim resolved: Unverified → Confirmed");
    expect(impact).toContain("Claim edited: confidence 50 → 80");
    const fresh = await newSource();
    const empty = await agent.get(`/sources/${fresh.id}`).expect(200);
    expect(section(empty.text, "impact-title")).toContain("No status or confidence change has cited this source.");
  });
});

describe("marking a source unreliable", () => {
  it("PATCH /api/sources/:id to unreliable flags exactly the claims its changes cited, one claim.flag event each, versions bumped", async () => {
    const s = await scenario();
    const before = new Map(await Promise.all([...s.cited, ...s.uncited].map(async (c) => [c.id, (await claimRow(c.id)).version] as const)));
    const res = await markUnreliable(s);
    expect(res.body).toMatchObject({ reliability: "unreliable", flaggedClaims: 3 });
    for (const c of s.cited) {
      expect(await claimRow(c.id)).toMatchObject({ needsReview: true, reviewReason: reasonFor(s), version: before.get(c.id)! + 1 });
      const flags = await events({ action: "claim.flag", subjectId: c.id });
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ subjectType: "claim", reason: reasonFor(s), sourceIds: JSON.stringify([s.source.id]) });
      expect(JSON.parse(flags[0]!.changes)).toEqual({ needsReview: [false, true] });
    }
    for (const c of s.uncited) {
      expect(await claimRow(c.id)).toMatchObject({ needsReview: false, reviewReason: "", version: before.get(c.id) });
      expect(await events({ action: "claim.flag", subjectId: c.id })).toEqual([]);
    }
    const sourceEvents = await events({ subjectType: "source", subjectId: s.source.id });
    expect(sourceEvents.map((e) => e.action)).toEqual(["source.create", "source.update"]);
    expect(JSON.parse(sourceEvents[1]!.changes)).toEqual({ reliability: ["unknown", "unreliable"] });
    expect((await api().get("/api/audit/verify").expect(200)).body.ok).toBe(true);
  });

  it("POST /sources/:id to unreliable says in the flash how many claims now need review", async () => {
    const s = await scenario();
    const { agent, csrf } = await t.signIn("editor");
    await agent.post(`/sources/${s.source.id}`).type("form").send({ _csrf: csrf, version: "1", reliability: "unreliable" }).expect(302);
    const page = await agent.get(`/sources/${s.source.id}`).expect(200);
    expect(page.text).toContain("Source saved. 3 claims now need review.");
    expect(section(page.text, "impact-title").match(/Needs review/g)).toHaveLength(3);
  });

  it("a failure while flagging rolls back the reliability change too: nothing is written", async () => {
    const s = await scenario();
    const allow = await refuse(t.db, "test_refuse_flag", "Claim", `UPDATE OF "needsReview"`);
    try {
      const eventsBefore = await t.db.auditEvent.count();
      const res = await api().patch(`/api/sources/${s.source.id}`, { version: 1, reliability: "unreliable" }).expect(500);
      expect(res.body.error.code).toBe("internal");
      expect(await t.db.source.findUniqueOrThrow({ where: { id: s.source.id } })).toMatchObject({ reliability: "unknown", version: 1 });
      expect(await t.db.auditEvent.count()).toBe(eventsBefore);
      for (const c of s.cited) expect((await claimRow(c.id)).needsReview).toBe(false);
    } finally {
      await allow();
    }
    // the same edit succeeds once flagging can
    expect((await markUnreliable(s)).body.flaggedClaims).toBe(3);
  });

  it("marking it unreliable again, or back to mixed and unreliable again, never flags a flagged claim twice; a reviewed claim is flagged anew", async () => {
    const s = await scenario();
    await markUnreliable(s);
    const flagCount = async () => (await events({ action: "claim.flag", subjectId: { in: s.cited.map((c) => c.id) } })).length;
    const versions = async () => Promise.all(s.cited.map(async (c) => (await claimRow(c.id)).version));
    const flaggedVersions = await versions();

    const same = await markUnreliable(s);
    expect(same.body).toMatchObject({ flaggedClaims: 0, version: 2 });
    await api().patch(`/api/sources/${s.source.id}`, { version: 2, reliability: "mixed" }).expect(200);
    const again = await markUnreliable(s);
    expect(again.body).toMatchObject({ flaggedClaims: 0, version: 4 });
    expect(await flagCount()).toBe(3);
    expect(await versions()).toEqual(flaggedVersions);

    await api().post(`/api/claims/${s.rumored.id}/review`, { note: "Checked with the newsroom." }).expect(200);
    await api().patch(`/api/sources/${s.source.id}`, { version: 4, reliability: "mixed" }).expect(200);
    expect((await markUnreliable(s)).body.flaggedClaims).toBe(1);
    expect(await flagCount()).toBe(4);
    expect((await claimRow(s.rumored.id)).needsReview).toBe(true);
  });
});

describe("the needs-review queue", () => {
  it("GET / lists flagged claims, oldest flag first, with the reason and a link to the filtered list", async () => {
    // an empty queue first, so the list holds this test's claims only
    for (const c of await t.db.claim.findMany({ where: { needsReview: true } })) {
      await api().post(`/api/claims/${c.id}/review`, { note: "Cleared before the dashboard test." }).expect(200);
    }
    const { agent } = await t.signIn("viewer");
    expect(section((await agent.get("/").expect(200)).text, "review-title")).toContain("No claim is waiting for review.");

    const s = await scenario();
    await markUnreliable(s);
    const queue = section((await agent.get("/").expect(200)).text, "review-title");
    const flagOrder = (await events({ action: "claim.flag", subjectId: { in: s.cited.map((c) => c.id) } })).map((e) => e.subjectId);
    expect([...queue.matchAll(/<a href="\/claims\/(\d+)">/g)].map((m) => Number(m[1]))).toEqual(flagOrder);
    for (const c of s.cited) expect(queue).toContain(c.statement);
    for (const c of s.uncited) expect(queue).not.toContain(c.statement);
    expect(queue.split(reasonFor(s)).length - 1).toBe(3);
    expect(queue).toContain('<a href="/claims?needsReview=1">All claims needing review</a> <span class="count">(3)</span>');
  });

  it("GET /api/claims?needsReview=1 and /claims?needsReview=1 list exactly the flagged claims", async () => {
    const s = await scenario();
    await markUnreliable(s);
    const flagged = (await t.db.claim.findMany({ where: { needsReview: true }, select: { id: true }, orderBy: { id: "desc" } })).map((c) => c.id);
    expect(flagged).toEqual(expect.arrayContaining(s.cited.map((c) => c.id)));

    const res = await api(viewerToken).get("/api/claims?needsReview=1&limit=100").expect(200);
    expect((res.body.items as { id: number; needsReview: boolean }[]).map((c) => c.id)).toEqual(flagged);
    expect((res.body.items as { needsReview: boolean }[]).every((c) => c.needsReview)).toBe(true);

    const { agent } = await t.signIn("viewer");
    const page = await agent.get("/claims?needsReview=1&limit=100").expect(200);
    const listed = [...page.text.matchAll(/<td><a href="\/claims\/(\d+)">/g)].map((m) => Number(m[1]));
    expect(listed).toEqual(flagged);
    expect(page.text.match(/class="badge badge-needs-review"/g)).toHaveLength(flagged.length);
    expect(page.text).toMatch(/id="field-needsReview" name="needsReview" type="checkbox" value="1" checked>/);
    for (const c of s.uncited) expect(page.text).not.toContain(c.statement);

    await api().get("/api/claims?needsReview=maybe").expect(422);
  });
});

describe("reviewing a flagged claim", () => {
  async function flaggedClaim() {
    const s = await scenario();
    await markUnreliable(s);
    return { s, claim: await claimRow(s.rumored.id) };
  }

  it("the claim page shows the reason and, to editors only, the review form", async () => {
    const { s, claim } = await flaggedClaim();
    const editor = await t.signIn("editor");
    const page = await editor.agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).toContain(`Needs review: ${reasonFor(s)}`);
    expect(page.text).toContain(`action="/claims/${claim.id}/review"`);
    expect(page.text).toContain(
      '<label for="field-review-note">What did you check? <span class="limit" data-limit="5000" data-for="field-review-note">(at most 5,000 characters)</span></label>',
    );
    expect(page.text).toContain(`name="version" value="${claim.version}"`);
    const viewer = await t.signIn("viewer");
    const seen = await viewer.agent.get(`/claims/${claim.id}`).expect(200);
    expect(seen.text).toContain(`Needs review: ${reasonFor(s)}`);
    expect(seen.text).not.toContain(`action="/claims/${claim.id}/review"`);
    const history = await viewer.agent.get(`/claims/${claim.id}/history`).expect(200);
    expect(history.text).toContain("Flagged for review");
  });

  it("POST /claims/:id/review with a note clears the flag, bumps the version and records the note in a claim.review event", async () => {
    const { claim } = await flaggedClaim();
    const { agent, csrf, email } = await t.signIn("editor");
    const note = "Called the spokesperson; the status stands on two other sources.";
    await agent
      .post(`/claims/${claim.id}/review`)
      .type("form")
      .send({ _csrf: csrf, version: String(claim.version), note })
      .expect(302);
    expect(await claimRow(claim.id)).toMatchObject({ needsReview: false, reviewReason: "", version: claim.version + 1, status: claim.status });
    const [review, ...more] = await events({ action: "claim.review", subjectId: claim.id });
    expect(more).toEqual([]);
    expect(review).toMatchObject({ subjectType: "claim", actorLabel: email, reason: note });
    expect(JSON.parse(review!.changes)).toEqual({ needsReview: [true, false] });
    const page = await agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).toContain(`Claim #${claim.id} reviewed; it has left the review queue.`);
    expect(page.text).not.toContain("Needs review:");
    const list = await api().get("/api/claims?needsReview=1&limit=100").expect(200);
    expect((list.body.items as { id: number }[]).map((c) => c.id)).not.toContain(claim.id);
  });

  it("POST /claims/:id/review with an empty note answers 422 with the message and writes nothing", async () => {
    const { claim } = await flaggedClaim();
    const { agent, csrf } = await t.signIn("editor");
    const before = await t.db.auditEvent.count();
    const res = await agent
      .post(`/claims/${claim.id}/review`)
      .type("form")
      .send({ _csrf: csrf, version: String(claim.version), note: "   " })
      .expect(422);
    expect(res.text).toContain("A note on what you checked is required.");
    expect(res.text).toContain('href="#field-review-note"');
    expect(await claimRow(claim.id)).toMatchObject({ needsReview: true, version: claim.version });
    expect(await t.db.auditEvent.count()).toBe(before);
    const apiRes = await api().post(`/api/claims/${claim.id}/review`, { note: "" }).expect(422);
    expect(Object.keys(apiRes.body.error.fields)).toEqual(["note"]);
  });

  it("POST /claims/:id/review on a stale version answers 409, keeps the note on the current version and writes nothing", async () => {
    const { claim } = await flaggedClaim();
    await api().patch(`/api/claims/${claim.id}`, { version: claim.version, context: "Someone else's edit." }).expect(200);
    const { agent, csrf } = await t.signIn("editor");
    const before = await t.db.auditEvent.count();
    const note = "My check, kept.";
    const res = await agent
      .post(`/claims/${claim.id}/review`)
      .type("form")
      .send({ _csrf: csrf, version: String(claim.version), note })
      .expect(409);
    expect(res.text).toContain("Someone changed this claim while you were editing");
    expect(res.text).toContain(`${note}</textarea>`);
    expect(res.text).toContain(`name="version" value="${claim.version + 1}"`);
    expect(await claimRow(claim.id)).toMatchObject({ needsReview: true, version: claim.version + 1 });
    expect(await t.db.auditEvent.count()).toBe(before);
    await api().post(`/api/claims/${claim.id}/review`, { note, version: claim.version }).expect(409);
  });

  it("POST /api/claims/:id/review clears the flag; on a claim not flagged it answers 422; a viewer gets 403", async () => {
    const { claim } = await flaggedClaim();
    const viewer = await t.signIn("viewer");
    await viewer.agent
      .post(`/claims/${claim.id}/review`)
      .type("form")
      .send({ _csrf: viewer.csrf, version: String(claim.version), note: "Viewer" })
      .expect(403);
    await api(viewerToken).post(`/api/claims/${claim.id}/review`, { note: "Viewer" }).expect(403);
    expect((await claimRow(claim.id)).needsReview).toBe(true);

    const ok = await api().post(`/api/claims/${claim.id}/review`, { note: "Checked.", version: claim.version }).expect(200);
    expect(ok.body).toMatchObject({ id: claim.id, needsReview: false, reviewReason: "", version: claim.version + 1 });
    const before = await t.db.auditEvent.count();
    const twice = await api().post(`/api/claims/${claim.id}/review`, { note: "Checked again." }).expect(422);
    expect(Object.keys(twice.body.error.fields)).toEqual(["needsReview"]);
    expect(await t.db.auditEvent.count()).toBe(before);
    await api().post("/api/claims/999999/review", { note: "x" }).expect(404);
  });
});
