import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfFrom, testApp, type Agent, type TestApp } from "./helpers/app.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { createUser } from "../src/users/users.service.ts";
import { setDisabled } from "../src/users/accounts.service.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string; email: string; id: number };
let other: { agent: Agent; csrf: string; email: string; id: number };
let viewer: { agent: Agent; csrf: string; email: string; id: number };

const patch = (who: { agent: Agent; csrf: string }, id: number, body: object) => who.agent.patch(`/api/claims/${id}`).set("x-csrf-token", who.csrf).send(body);

async function newClaim(statement = "The board approached Anthropic about a merger.", status = "rumored") {
  const res = await editor.agent.post("/api/claims").set("x-csrf-token", editor.csrf).send({ statement, status, confidence: 30 }).expect(201);
  return res.body as { id: number; version: number };
}

const events = (id: number) => t.db.auditEvent.findMany({ where: { subjectType: "claim", subjectId: id }, orderBy: { id: "asc" } });

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor", "ed.itor@example.org");
  await t.db.user.update({ where: { id: editor.id }, data: { name: "Ed Itor" } });
  other = await t.signIn("admin", "ada.min@example.org");
  await t.db.user.update({ where: { id: other.id }, data: { name: "Ada Min" } });
  viewer = await t.signIn("viewer");
});
afterAll(() => t.close());

describe("PATCH /api/claims/:id with assigneeId", () => {
  it("assigns an editor: one claim.assign event with the ids before and after, the version bumped, and the claim's JSON names the assignee", async () => {
    const claim = await newClaim();
    const res = await patch(editor, claim.id, { assigneeId: other.id, version: claim.version }).expect(200);
    expect(res.body).toMatchObject({
      assigneeId: other.id,
      assignee: { id: other.id, name: "Ada Min", email: "ada.min@example.org" },
      version: claim.version + 1,
    });
    const assigned = (await events(claim.id)).filter((e) => e.action === "claim.assign");
    expect(assigned).toHaveLength(1);
    expect(JSON.parse(assigned[0]!.changes)).toEqual({ assigneeId: [null, other.id] });
    const read = await editor.agent.get(`/api/claims/${claim.id}`).expect(200);
    expect(read.body.assignee).toEqual({ id: other.id, name: "Ada Min", email: "ada.min@example.org" });
  });

  it("reassigns and unassigns with null, each an event; the same assignee again writes nothing", async () => {
    const claim = await newClaim();
    await patch(editor, claim.id, { assigneeId: other.id, version: 1 }).expect(200);
    await patch(editor, claim.id, { assigneeId: editor.id, version: 2 }).expect(200);
    const same = await patch(editor, claim.id, { assigneeId: editor.id, version: 3 }).expect(200);
    expect(same.body.version).toBe(3);
    const res = await patch(editor, claim.id, { assigneeId: null, version: 3 }).expect(200);
    expect(res.body).toMatchObject({ assigneeId: null, assignee: null, version: 4 });
    const changes = (await events(claim.id)).filter((e) => e.action === "claim.assign").map((e) => JSON.parse(e.changes));
    expect(changes).toEqual([{ assigneeId: [null, other.id] }, { assigneeId: [other.id, editor.id] }, { assigneeId: [editor.id, null] }]);
  });

  it("refuses a viewer, a disabled account and an unknown id with 422 on assigneeId, writing nothing", async () => {
    const claim = await newClaim();
    const gone = await createUser(t.db, SYSTEM, { email: "gone@example.org", role: "editor", password: "correct horse battery staple" });
    await setDisabled(t.db, SYSTEM, gone.id, true);
    const refusals: [number, string][] = [
      [viewer.id, "A viewer cannot be assigned a claim: choose an editor or an admin."],
      [gone.id, "That account is disabled: choose an active editor."],
      [999_999, "No account has the id 999999."],
    ];
    for (const [assigneeId, message] of refusals) {
      const res = await patch(editor, claim.id, { assigneeId, version: claim.version }).expect(422);
      expect(res.body.error.fields).toEqual({ assigneeId: message });
    }
    const now = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(now).toMatchObject({ assigneeId: null, version: claim.version });
    expect((await events(claim.id)).map((e) => e.action)).toEqual(["claim.create"]);
  });

  it("with a stale version answers 409 and writes nothing", async () => {
    const claim = await newClaim();
    await patch(editor, claim.id, { context: "More context.", version: claim.version }).expect(200);
    await patch(editor, claim.id, { assigneeId: other.id, version: claim.version }).expect(409);
    const now = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(now).toMatchObject({ assigneeId: null, version: claim.version + 1 });
    expect((await events(claim.id)).map((e) => e.action)).toEqual(["claim.create", "claim.update"]);
  });

  it("with other fields too records their event and the assignment's, with one version bump", async () => {
    const claim = await newClaim();
    const res = await patch(editor, claim.id, { context: "Now with context.", assigneeId: other.id, version: claim.version }).expect(200);
    expect(res.body).toMatchObject({ context: "Now with context.", assigneeId: other.id, version: claim.version + 1 });
    const log = await events(claim.id);
    expect(log.map((e) => e.action)).toEqual(["claim.create", "claim.update", "claim.assign"]);
    expect(JSON.parse(log[1]!.changes)).toEqual({ context: ["", "Now with context."] });
  });

  it("is refused to a viewer (403)", async () => {
    const claim = await newClaim();
    await patch(viewer, claim.id, { assigneeId: editor.id, version: claim.version }).expect(403);
  });
});

describe("GET /api/users", () => {
  it("lists the active accounts with id, name, email and role, not a disabled one, for editors only", async () => {
    const res = await editor.agent.get("/api/users").expect(200);
    expect(res.body).toContainEqual({ id: other.id, name: "Ada Min", email: "ada.min@example.org", role: "admin" });
    expect(res.body).toContainEqual(expect.objectContaining({ id: viewer.id, role: "viewer" }));
    expect(res.body.some((u: { email: string }) => u.email === "gone@example.org")).toBe(false);
    expect(Object.keys(res.body[0]).sort()).toEqual(["email", "id", "name", "role"]);
    await request(t.app).get("/api/users").expect(401);
    await viewer.agent.get("/api/users").expect(403);
  });
});

describe("the assignee filter", () => {
  it("?assignee=me, none and an id filter /api/claims and /claims, with the other filters", async () => {
    const mine = await newClaim("Assigned to Ed, open.");
    const mineResolved = await newClaim("Assigned to Ed, then refuted.", "unverified");
    const theirs = await newClaim("Assigned to Ada.");
    const nobody = await newClaim("Assigned to nobody.");
    await patch(editor, mine.id, { assigneeId: editor.id, version: 1 }).expect(200);
    await patch(editor, mineResolved.id, { assigneeId: editor.id, version: 1 }).expect(200);
    await patch(editor, theirs.id, { assigneeId: other.id, version: 1 }).expect(200);
    const source = await editor.agent.post("/api/sources").set("x-csrf-token", editor.csrf).send({ title: "A denial", kind: "official_statement" }).expect(201);
    await editor.agent
      .post(`/api/claims/${mineResolved.id}/resolution`)
      .set("x-csrf-token", editor.csrf)
      .send({ outcome: "false", note: "Denied.", sourceIds: [source.body.id] })
      .expect(200);

    // among this test's claims (the others' claims are assigned too)
    const here = new Set([mine.id, mineResolved.id, theirs.id, nobody.id]);
    const ids = async (agent: Agent, query: string) =>
      (await agent.get(`/api/claims?limit=100&${query}`).expect(200)).body.items.map((c: { id: number }) => c.id).filter((id: number) => here.has(id));
    expect(await ids(editor.agent, "assignee=me")).toEqual([mineResolved.id, mine.id]);
    expect(await ids(editor.agent, "assignee=me&state=open")).toEqual([mine.id]);
    expect(await ids(other.agent, "assignee=me")).toEqual([theirs.id]);
    expect(await ids(viewer.agent, `assignee=${other.id}`)).toEqual([theirs.id]);
    expect(await ids(editor.agent, "assignee=none")).toEqual([nobody.id]);
    expect((await editor.agent.get("/api/claims?assignee=someone").expect(422)).body.error.fields.assignee).toBeTruthy();

    const page = await editor.agent.get("/claims?assignee=me&state=open").expect(200);
    expect(page.text).toContain("Assigned to Ed, open.");
    expect(page.text).not.toContain("Assigned to Ed, then refuted.");
    expect(page.text).not.toContain("Assigned to Ada.");
    expect(page.text).toMatch(/class="assignee"[^>]*><a [^>]*>Ed Itor<\/a>/);
    // stacked on a phone, the time's cell says what it is, as the assignee's does (a lone "—" says nothing)
    expect(page.text).toContain('<td data-label="Occurred">—</td>');
  });

  it("the navigation's My claims leads to the open claims assigned to me, a page titled My claims on which it, not Claims, is the current page", async () => {
    const all = await editor.agent.get("/claims").expect(200);
    expect(all.text).toContain('<a href="/claims?assignee=me&amp;state=open">My claims</a>');
    expect(all.text).toContain('<a href="/claims" aria-current=page>Claims</a>');
    expect(all.text).toContain("<h1>Claims</h1>");

    const mine = await editor.agent.get("/claims?assignee=me&state=open").expect(200);
    expect(mine.text).toContain('<a href="/claims?assignee=me&amp;state=open" aria-current=page>My claims</a>');
    expect(mine.text).toContain('<a href="/claims" >Claims</a>');
    expect(mine.text).toContain("<h1>My claims</h1>");
    expect(mine.text).toContain("<title>My claims · Claimtrack</title>");
    // its own two filters leave the filter panel closed (the list comes first on a phone); another one opens it
    expect(mine.text).toContain('<details class="more-filters" >');
    const narrowed = await editor.agent.get("/claims?assignee=me&state=open&minConfidence=10").expect(200);
    expect(narrowed.text).toContain('<details class="more-filters" open>');
    expect((await editor.agent.get("/claims?assignee=none").expect(200)).text).toContain('<details class="more-filters" open>');
    const french = await editor.agent.get("/claims?assignee=me").set("Accept-Language", "fr").expect(200);
    expect(french.text).toContain("<h1>Mes affirmations</h1>");
  });
});

describe("the claim page's assignment form", () => {
  it("offers active editors and admins, not viewers; Assign to me assigns and the page says so", async () => {
    const claim = await newClaim("A claim to take.");
    const page = await editor.agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).toContain(`<option value="${other.id}" >Ada Min (ada.min@example.org)</option>`);
    expect(page.text).not.toContain(`<option value="${viewer.id}"`);
    expect(page.text).toContain("Assign to me");
    await editor.agent
      .post(`/claims/${claim.id}/assignee`)
      .type("form")
      .send({ _csrf: csrfFrom(page.text), assigneeId: String(editor.id), version: "1" })
      .expect(302);
    const after = await editor.agent.get(`/claims/${claim.id}`).expect(200);
    expect(after.text).toContain(`Claim #${claim.id} is assigned to Ed Itor.`);
    expect(after.text).not.toContain("Assign to me");
    const nobody = await editor.agent.post(`/claims/${claim.id}/assignee`).type("form").send({ _csrf: editor.csrf, assigneeId: "", version: "2" }).expect(302);
    expect((await editor.agent.get(nobody.headers.location!)).text).toContain(`Claim #${claim.id} is assigned to nobody.`);
  });

  it("a viewer's id answers 422 with the message beside the field; a stale version 409 with the form on the current version", async () => {
    const claim = await newClaim("A claim for the wrong person.");
    const bad = await editor.agent
      .post(`/claims/${claim.id}/assignee`)
      .type("form")
      .send({ _csrf: editor.csrf, assigneeId: String(viewer.id), version: "1" })
      .expect(422);
    expect(bad.text).toContain("A viewer cannot be assigned a claim: choose an editor or an admin.");
    expect(bad.text).toContain('id="error-assigneeId"');
    await patch(editor, claim.id, { context: "Changed meanwhile.", version: 1 }).expect(200);
    const stale = await editor.agent
      .post(`/claims/${claim.id}/assignee`)
      .type("form")
      .send({ _csrf: editor.csrf, assigneeId: String(other.id), version: "1" })
      .expect(409);
    expect(stale.text).toContain("Nothing was saved.");
    expect(stale.text).toContain('name="version" value="2"');
    expect(stale.text).toContain(`<option value="${other.id}" selected>`);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBeNull();
  });

  it("a viewer sees who holds the claim, and no form", async () => {
    const claim = await newClaim("A claim viewers read.");
    await patch(editor, claim.id, { assigneeId: other.id, version: 1 }).expect(200);
    const page = await viewer.agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).toMatch(/<dt>Assigned to<\/dt><dd>Ada Min<\/dd>/);
    expect(page.text).not.toContain(`action="/claims/${claim.id}/assignee"`);
  });
});

describe("the history and the audit log", () => {
  it("read claim.assign in words: Nobody → the assignee's name, and back", async () => {
    const claim = await newClaim("A claim passed around.");
    await patch(editor, claim.id, { assigneeId: other.id, version: 1 }).expect(200);
    await patch(editor, claim.id, { assigneeId: null, version: 2 }).expect(200);
    const history = await editor.agent.get(`/claims/${claim.id}/history`).expect(200);
    expect(history.text).toContain("Assignee changed");
    expect(history.text).toContain("Assignee: Nobody → Ada Min");
    expect(history.text).toContain("Assignee: Ada Min → Nobody");
    const log = await other.agent.get("/audit?action=claim.assign").expect(200);
    expect(log.text).toContain("Assignee: Nobody → Ada Min");
    const fr = await editor.agent.get(`/claims/${claim.id}/history`).set("Accept-Language", "fr").expect(200);
    expect(fr.text).toContain("Personne → Ada Min");
  });
});
