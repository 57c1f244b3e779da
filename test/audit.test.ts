import path from "node:path";
import ejs from "ejs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyNew } from "../src/audit/audit.verification.ts";
import { helpers } from "../src/http/view-helpers.ts";
import { translator } from "../src/i18n/i18n.ts";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let alice: { agent: Agent; csrf: string; email: string };
let bob: { agent: Agent; csrf: string; email: string };
let viewerToken: string;

interface Event {
  id: number;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: number;
  changes: Record<string, [unknown, unknown]>;
  createdAt: string;
}

const pause = () => new Promise((ok) => setTimeout(ok, 15));

/** A claim made and then edited by one editor through the claims API: two events. */
async function claimBy(who: { agent: Agent; csrf: string }, statement: string) {
  const created = await who.agent.post("/api/claims").set("x-csrf-token", who.csrf).send({ statement, confidence: 40 }).expect(201);
  await who.agent
    .patch(`/api/claims/${created.body.id}`)
    .set("x-csrf-token", who.csrf)
    .send({ version: 1, statement: `${statement} (edited)` })
    .expect(200);
  return created.body.id as number;
}

async function apiAudit(query: Record<string, string | number>) {
  const res = await request(t.app).get("/api/audit").query(query).set("Authorization", `Bearer ${viewerToken}`).expect(200);
  return res.body as { items: Event[]; nextCursor: string | null };
}

const claimIds = (items: Event[]) => [...new Set(items.filter((e) => e.subjectType === "claim").map((e) => e.subjectId))];

beforeAll(async () => {
  t = await testApp();
  alice = await t.signIn("editor");
  bob = await t.signIn("editor");
  viewerToken = await t.token("viewer");
});
afterAll(() => t.close());

describe("GET /api/audit", () => {
  it("answers every event newest first with parsed changes", async () => {
    const id = await claimBy(alice, "The board met without Brockman.");
    const { items } = await apiAudit({ limit: 200 });
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
    const mine = items.filter((e) => e.subjectType === "claim" && e.subjectId === id);
    expect(mine.map((e) => e.action)).toEqual(["claim.update", "claim.create"]);
    expect(mine[0]!.changes).toEqual({ statement: ["The board met without Brockman.", "The board met without Brockman. (edited)"] });
  });

  it("actor= keeps that actor's events only", async () => {
    const a = await claimBy(alice, "Altman was told by video call.");
    const b = await claimBy(bob, "Brockman resigned the same day.");
    const { items } = await apiAudit({ actor: bob.email, limit: 200 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.actor === bob.email)).toBe(true);
    expect(claimIds(items)).toContain(b);
    expect(claimIds(items)).not.toContain(a);
  });

  it("action= keeps that action only", async () => {
    const id = await claimBy(alice, "Employees signed a letter.");
    const { items } = await apiAudit({ action: "claim.update", limit: 200 });
    expect(items.every((e) => e.action === "claim.update")).toBe(true);
    expect(items.filter((e) => e.subjectId === id)).toHaveLength(1);
  });

  it("since= and until= keep the events inside the bounds, dates and date-times alike", async () => {
    const early = await claimBy(alice, "Early claim for the window.");
    await pause();
    const mid = new Date().toISOString();
    await pause();
    const late = await claimBy(alice, "Late claim for the window.");
    const after = await apiAudit({ since: mid, limit: 200 });
    expect(claimIds(after.items)).toContain(late);
    expect(claimIds(after.items)).not.toContain(early);
    expect(after.items.every((e) => e.createdAt >= mid)).toBe(true);
    const before = await apiAudit({ until: mid, limit: 200 });
    expect(claimIds(before.items)).toContain(early);
    expect(claimIds(before.items)).not.toContain(late);
    const today = mid.slice(0, 10);
    expect(claimIds((await apiAudit({ since: today, until: today, limit: 200 })).items)).toEqual(expect.arrayContaining([early, late]));
    expect((await apiAudit({ since: "2999-01-01" })).items).toEqual([]);
  });

  it("limit= and cursor= page through the log without gaps or repeats", async () => {
    await claimBy(bob, "A claim to page through.");
    const all = (await apiAudit({ actor: bob.email, limit: 200 })).items.map((e) => e.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Event[]; nextCursor: string | null } = await apiAudit({ actor: bob.email, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("an invalid since, a day that does not exist or until before since answers 422 with the field, not 500", async () => {
    const auth = { Authorization: `Bearer ${viewerToken}` };
    for (const since of ["yesterday", "2023-02-30", "2023-11-20T25:00"]) {
      const res = await request(t.app).get("/api/audit").query({ since }).set(auth).expect(422);
      expect(res.body.error.fields.since, since).toMatch(/Since must be a date/);
    }
    const backwards = await request(t.app).get("/api/audit").query({ since: "2023-11-21", until: "2023-11-20" }).set(auth).expect(422);
    expect(backwards.body.error.fields.until).toBe("Until must not be before since.");
    await request(t.app).get("/api/audit").query({ cursor: "garbage" }).set(auth).expect(400);
  });
});

describe("GET /audit", () => {
  it("lists events newest first with readable actions, links to each claim, the actor select and the chain head", async () => {
    const id = await claimBy(alice, "The page lists this claim.");
    await verifyNew(t.db); // what the server's background check does every minute
    const page = await alice.agent.get("/audit").expect(200);
    expect(page.text).toContain(`<a href="/claims/${id}">Claim #${id}: The page lists this claim. (edited)</a>`);
    expect(page.text.indexOf("The page lists this claim. (edited)")).toBeLessThan(page.text.indexOf("Statement: — → The page lists this claim."));
    expect(page.text).toContain("Claim edited");
    expect(page.text).toContain(`<option value="${bob.email}"`);
    const head = await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(page.text).toContain(`<code class="hash">${head.hash}</code>`);
    expect(page.text).toContain("✓ Audit chain verified");
  });

  it("filters by actor, action and since, each narrowing the rows, and keeps the choices in the form", async () => {
    const a = await claimBy(alice, "Alice's claim for the page filters.");
    await pause();
    const mid = new Date().toISOString();
    await pause();
    const b = await claimBy(bob, "Bob's claim for the page filters.");
    const link = (id: number) => `href="/claims/${id}"`;

    const byBob = await alice.agent.get("/audit").query({ actor: bob.email }).expect(200);
    expect(byBob.text).toContain(link(b));
    expect(byBob.text).not.toContain(link(a));
    expect(byBob.text).toContain(`<option value="${bob.email}" selected>`);

    const updates = await alice.agent.get("/audit").query({ action: "claim.update", actor: alice.email }).expect(200);
    expect(updates.text).toContain("Statement: Alice&#39;s claim for the page filters. → Alice&#39;s claim for the page filters. (edited)");
    expect(updates.text).not.toContain("Statement: — → Alice&#39;s claim");
    expect(updates.text).not.toContain(link(b));

    const recent = await alice.agent.get("/audit").query({ since: mid }).expect(200);
    expect(recent.text).toContain(link(b));
    expect(recent.text).not.toContain(link(a));

    const future = await alice.agent.get("/audit").query({ since: "2999-01-01" }).expect(200);
    expect(future.text).toContain("No events match these filters.");
    expect(future.text).toContain('value="2999-01-01"');
  });

  it("links entity events to the entity and shows a user event as text", async () => {
    const res = await alice.agent.post("/api/entities").set("x-csrf-token", alice.csrf).send({ name: "Audit Entity", kind: "person" }).expect(201);
    const page = await alice.agent.get("/audit").query({ action: "entity.create" }).expect(200);
    expect(page.text).toContain(`<a href="/entities/${res.body.id}">Entity #${res.body.id}: Audit Entity</a>`);
    const users = await alice.agent.get("/audit").query({ action: "user.create" }).expect(200);
    expect(users.text).toMatch(/<td class="record" data-label="Record">\s*User #\d+: editor \d+\s*<\/td>/);
    expect(users.text).toContain("Account created");
  });

  it("with an invalid since answers 422 with the message beside the field, keeps the input, and is not a 500", async () => {
    const res = await alice.agent.get("/audit").query({ since: "<b>soon</b>" }).expect(422);
    expect(res.text).toContain('id="error-since"');
    expect(res.text).toContain("Since must be a date such as 2023-11-20");
    expect(res.text).toContain('value="&lt;b&gt;soon&lt;/b&gt;"');
  });

  it("shows a status change's reason and links its cited source by title", async () => {
    const source = await alice.agent
      .post("/api/sources")
      .set("x-csrf-token", alice.csrf)
      .send({ title: "The Information <scoop>", kind: "news_report" })
      .expect(201);
    const claim = await alice.agent.post("/api/claims").set("x-csrf-token", alice.csrf).send({ statement: "Talks to bring Altman back stalled." }).expect(201);
    await alice.agent
      .patch(`/api/claims/${claim.body.id}`)
      .set("x-csrf-token", alice.csrf)
      .send({ version: 1, status: "rumored", reason: "Two people familiar told The Information.", sourceIds: [source.body.id] })
      .expect(200);
    const page = await alice.agent.get("/audit").query({ action: "claim.status" }).expect(200);
    expect(page.text).toContain("Status changed");
    expect(page.text).toContain("Status: Unverified → Rumored");
    expect(page.text).toContain("Two people familiar told The Information.");
    expect(page.text).toContain(`<a class="tag" href="/sources/${source.body.id}">The Information &lt;scoop&gt;</a>`);
  });
});

describe("GET /audit reads for an editor (issue 9, item 12)", () => {
  it("names each row's record: a claim by its statement's start, a source by its title, a user by name (linked for admins)", async () => {
    const long = "The board approached Anthropic about a merger while the employees threatened to leave for Microsoft.";
    const claim = await alice.agent.post("/api/claims").set("x-csrf-token", alice.csrf).send({ statement: long }).expect(201);
    const source = await alice.agent.post("/api/sources").set("x-csrf-token", alice.csrf).send({ title: "The Information", kind: "news_report" }).expect(201);
    const page = await alice.agent.get("/audit").expect(200);
    expect(page.text).toContain(`<a href="/claims/${claim.body.id}">Claim #${claim.body.id}: The board approached Anthropic about a merger while the…</a>`);
    expect(page.text).toContain(`<a href="/sources/${source.body.id}">Source #${source.body.id}: The Information</a>`);
    const admin = await t.signIn("admin");
    const users = await admin.agent.get("/audit").query({ action: "user.create" }).expect(200);
    expect(users.text).toContain(`<a href="/users/${admin.id}">User #${admin.id}: admin `);
  });

  it("the action filter groups actions by kind of record, each with a label of its own, and who by their names", async () => {
    await alice.agent.post("/api/sources").set("x-csrf-token", alice.csrf).send({ title: "A source for the filter" }).expect(201);
    await alice.agent.post("/api/entities").set("x-csrf-token", alice.csrf).send({ name: "An entity for the filter", kind: "person" }).expect(201);
    const page = await alice.agent.get("/audit").expect(200);
    const select = page.text.slice(
      page.text.indexOf('<select id="field-action"'),
      page.text.indexOf("</select>", page.text.indexOf('<select id="field-action"')),
    );
    expect(select).toMatch(/<optgroup label="Claims">[\s\S]*<option value="claim.create" >Claim created<\/option>/);
    expect(select).toMatch(/<optgroup label="Sources">[\s\S]*<option value="source.create" >Source created<\/option>/);
    expect(select).toMatch(/<optgroup label="People and organisations">[\s\S]*<option value="entity.create" >Entity created<\/option>/);
    const labels = [...select.matchAll(/<option value="[^"]+" [^>]*>([^<]+)<\/option>/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(3);
    expect(new Set(labels).size).toBe(labels.length);
    expect(select).not.toContain("(claim.create)");
    const name = (await t.db.user.findUniqueOrThrow({ where: { email: bob.email } })).name;
    expect(page.text).toContain(`<option value="${bob.email}" >${name}</option>`);
  });

  it("shows 25 events a page, with older and newer links that walk the log without gaps or repeats; the API's page stays 50", async () => {
    const { agent, csrf, email } = await t.signIn("editor");
    for (let i = 0; i < 30; i++)
      await agent
        .post("/api/sources")
        .set("x-csrf-token", csrf)
        .send({ title: `Paging source ${i}` })
        .expect(201);
    const rows = (html: string) => [...html.matchAll(/<tr id="event-(\d+)">/g)].map((m) => Number(m[1]));
    const first = await agent.get("/audit").query({ actor: email }).expect(200);
    expect(rows(first.text)).toHaveLength(25);
    expect(first.text).not.toContain("Newer events");
    const older = /href="(\/audit\?[^"]+)" rel="next">Older events/.exec(first.text)![1]!.replaceAll("&amp;", "&");
    const second = await agent.get(older).expect(200);
    expect(rows(second.text)).toHaveLength(5);
    expect(second.text).not.toContain("Older events");
    const all = (await t.db.auditEvent.findMany({ where: { actorLabel: email }, orderBy: { id: "desc" }, select: { id: true } })).map((e) => e.id);
    expect([...rows(first.text), ...rows(second.text)]).toEqual(all);
    const newer = /href="(\/audit\?[^"]+)" rel="prev">Newer events/.exec(second.text)![1]!.replaceAll("&amp;", "&");
    expect(rows((await agent.get(newer).expect(200)).text)).toEqual(rows(first.text));
    expect((await apiAudit({})).items).toHaveLength(50);
  });
});

describe("views/partials/history.ejs", () => {
  const render = (locals: Record<string, unknown>) =>
    ejs.renderFile(path.resolve(import.meta.dirname, "../views/partials/history.ejs"), { h: helpers, t: translator("en"), sources: {}, ...locals });

  it("with no events shows the empty state", async () => {
    expect(await render({ events: [] })).toContain('<p class="empty">No changes recorded yet.</p>');
  });

  it("names a cited source it has no title for as #ID, and leaves out a null → empty-text change", async () => {
    const event = {
      id: 1,
      createdAt: new Date("2023-11-20T06:00:00Z"),
      actor: "system",
      action: "claim.resolve",
      subjectType: "claim",
      subjectId: 3,
      changes: { status: ["rumored", "confirmed"], context: [null, ""] },
      reason: "",
      sourceIds: [77],
    };
    const html = await render({ events: [event] });
    expect(html).toContain('<a class="tag" href="/sources/77">#77</a>');
    expect(html).toContain("20 Nov 2023, 06:00 UTC");
    expect(html).toContain("Claim resolved");
    expect(html).toContain("Status: Rumored → Confirmed");
    expect(html).not.toContain("Context:");
  });
});
