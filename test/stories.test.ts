import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedIfEmpty, STORY } from "../seed/seed.ts";
import { claims as seedClaims } from "../seed/article.ts";
import { verifyChain } from "../src/audit/audit.service.ts";
import { STORY_PAGE } from "../src/stories/stories.page.ts";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editorToken: string;
let viewerToken: string;
let n = 0;
/** words no other test uses, so searches and counts see only this test's data */
const unique = (label: string) => `${label} ${++n}-${Date.now()}`;

beforeAll(async () => {
  t = await testApp();
  editorToken = await t.token("editor");
  viewerToken = await t.token("viewer");
});
afterAll(() => t.close());

const api = (token = editorToken) => bearer(t.app, token);
const del = (url: string, token = editorToken) => request(t.app).delete(url).set("Authorization", `Bearer ${token}`);

async function newStory(fields: Record<string, unknown> = {}) {
  const res = await api()
    .post("/api/stories", { title: unique("Story"), ...fields })
    .expect(201);
  return res.body as { id: number; title: string; version: number; status: string };
}
async function newClaim(fields: Record<string, unknown> = {}) {
  const res = await api()
    .post("/api/claims", { statement: unique("Claim"), ...fields })
    .expect(201);
  return res.body as { id: number; statement: string; version: number };
}
const add = (storyId: number, claimId: number) => api().post(`/api/stories/${storyId}/claims`, { claimId });
const storyEvents = (id: number) => t.db.auditEvent.findMany({ where: { subjectType: "story", subjectId: id }, orderBy: { id: "asc" } });
const writes = async () => ({ stories: await t.db.story.count(), links: await t.db.storyClaim.count(), events: await t.db.auditEvent.count() });

describe("stories API", () => {
  it("POST /api/stories creates an active story at version 1, audited story.create; GET reads it with zero counts", async () => {
    const title = unique("Board crisis");
    const res = await api().post("/api/stories", { title, description: "  The weekend at OpenAI  " }).expect(201);
    expect(res.body).toMatchObject({ title, description: "The weekend at OpenAI", status: "active", version: 1, claimCount: 0, openCount: 0 });
    expect(res.body.counts).toEqual({ unverified: 0, rumored: 0, confirmed: 0, false: 0, inconclusive: 0 });
    const [event] = await storyEvents(res.body.id);
    expect(event).toMatchObject({ action: "story.create", subjectType: "story" });
    expect(JSON.parse(event!.changes)).toEqual({ title: [null, title], description: [null, "The weekend at OpenAI"], status: [null, "active"] });
    const got = await api(viewerToken).get(`/api/stories/${res.body.id}`).expect(200);
    expect(got.body).toMatchObject({ id: res.body.id, title, status: "active", version: 1 });
  });

  it("POST /api/stories without a title answers 422 with the field and writes nothing", async () => {
    const before = await writes();
    const res = await api().post("/api/stories", { title: "  ", description: 5 }).expect(422);
    expect(res.body.error).toMatchObject({ code: "invalid" });
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["description", "title"]);
    expect(res.body.error.fields.title).toBe("The title is required.");
    expect(await writes()).toEqual(before);
  });

  it("PATCH /api/stories/:id edits at the version, archives and restores, each a story.update; a stale version answers 409 and writes nothing", async () => {
    const story = await newStory();
    const edited = await api().patch(`/api/stories/${story.id}`, { title: "Renamed", version: 1 }).expect(200);
    expect(edited.body).toMatchObject({ title: "Renamed", version: 2, status: "active" });
    const archived = await api().patch(`/api/stories/${story.id}`, { status: "archived", version: 2 }).expect(200);
    expect(archived.body).toMatchObject({ status: "archived", version: 3 });

    const before = await writes();
    const stale = await api().patch(`/api/stories/${story.id}`, { title: "Lost", version: 2 }).expect(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", current: { title: "Renamed", version: 3 } });
    expect(stale.body.error.message).toContain("you started from version 2; it is now at version 3");
    expect(await writes()).toEqual(before);

    await api().patch(`/api/stories/${story.id}`, { status: "active", version: 3 }).expect(200);
    const changes = (await storyEvents(story.id)).slice(1).map((e) => [e.action, JSON.parse(e.changes)]);
    expect(changes).toEqual([
      ["story.update", { title: [story.title, "Renamed"] }],
      ["story.update", { status: ["active", "archived"] }],
      ["story.update", { status: ["archived", "active"] }],
    ]);
  });

  it("PATCH /api/stories/:id with a bad status or no version answers 422 with the fields", async () => {
    const story = await newStory();
    const res = await api().patch(`/api/stories/${story.id}`, { status: "deleted", title: "" }).expect(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["status", "title", "version"]);
    expect((await t.db.story.findUniqueOrThrow({ where: { id: story.id } })).version).toBe(1);
  });

  it("POST /api/stories/:id/claims adds a claim (201, story.addClaim); twice is a 409, an unknown claim or an archived story a 422", async () => {
    const story = await newStory();
    const claim = await newClaim({ status: "rumored" });
    const res = await add(story.id, claim.id).expect(201);
    expect(res.body).toMatchObject({ storyId: story.id, claimId: claim.id });
    const events = await storyEvents(story.id);
    expect(events.at(-1)).toMatchObject({ action: "story.addClaim" });
    expect(JSON.parse(events.at(-1)!.changes)).toEqual({ claimId: [null, claim.id] });
    expect((await api().get(`/api/stories/${story.id}`).expect(200)).body).toMatchObject({ version: 1, claimCount: 1, openCount: 1, counts: { rumored: 1 } });

    const before = await writes();
    const twice = await add(story.id, claim.id).expect(409);
    expect(twice.body.error.message).toBe(`Claim #${claim.id} is already in this story.`);
    const unknown = await add(story.id, 99_999_999).expect(422);
    expect(unknown.body.error.fields).toEqual({ claimId: "There is no claim #99999999." });
    const bad = await api().post(`/api/stories/${story.id}/claims`, { claimId: "twelve" }).expect(422);
    expect(bad.body.error.fields.claimId).toBe("Give the claim's number, e.g. 12.");
    await api().patch(`/api/stories/${story.id}`, { status: "archived", version: 1 }).expect(200);
    const afterArchive = await writes();
    const archived = await add(story.id, (await newClaim()).id).expect(422);
    expect(archived.body.error.fields.claimId).toBe("This story is archived: restore it before adding claims.");
    expect((await writes()).links).toBe(afterArchive.links);
    expect((await writes()).links).toBe(before.links);
    await api().post("/api/stories/99999999/claims", { claimId: claim.id }).expect(404);
  });

  it("two editors adding one claim at the same moment: one 201, one 409, one link and one event", async () => {
    const story = await newStory();
    const claim = await newClaim();
    const answers = await Promise.all([add(story.id, claim.id), add(story.id, claim.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.db.storyClaim.count({ where: { storyId: story.id } })).toBe(1);
    expect((await storyEvents(story.id)).filter((e) => e.action === "story.addClaim")).toHaveLength(1);
  });

  it("DELETE /api/stories/:id/claims/:claimId removes it (200, story.removeClaim); one not in the story answers 404", async () => {
    const story = await newStory();
    const claim = await newClaim();
    await add(story.id, claim.id).expect(201);
    const res = await del(`/api/stories/${story.id}/claims/${claim.id}`).expect(200);
    expect(res.body).toEqual({ storyId: story.id, claimId: claim.id });
    const last = (await storyEvents(story.id)).at(-1)!;
    expect(last.action).toBe("story.removeClaim");
    expect(JSON.parse(last.changes)).toEqual({ claimId: [claim.id, null] });
    const before = await writes();
    const again = await del(`/api/stories/${story.id}/claims/${claim.id}`).expect(404);
    expect(again.body.error.code).toBe("not_found");
    expect(await writes()).toEqual(before);
    expect((await api().get(`/api/stories/${story.id}`).expect(200)).body.claimCount).toBe(0);
  });

  it("viewers read stories but every write answers 403 and writes nothing", async () => {
    const story = await newStory();
    const claim = await newClaim();
    const before = await writes();
    await api(viewerToken).get("/api/stories").expect(200);
    await api(viewerToken).post("/api/stories", { title: "Mine" }).expect(403);
    await api(viewerToken).patch(`/api/stories/${story.id}`, { title: "Mine", version: 1 }).expect(403);
    await api(viewerToken).post(`/api/stories/${story.id}/claims`, { claimId: claim.id }).expect(403);
    await del(`/api/stories/${story.id}/claims/${claim.id}`, viewerToken).expect(403);
    expect(await writes()).toEqual(before);
  });

  it("GET /api/stories lists active stories before archived ones, newest first, with counts, and pages with a cursor", async () => {
    const older = await newStory();
    const archived = await newStory();
    await api().patch(`/api/stories/${archived.id}`, { status: "archived", version: 1 }).expect(200);
    const newer = await newStory();
    await add(newer.id, (await newClaim({ status: "rumored" })).id).expect(201);
    const all = await api().get("/api/stories?limit=100").expect(200);
    const ids = all.body.items.map((s: { id: number }) => s.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(archived.id));
    expect(all.body.items.find((s: { id: number }) => s.id === newer.id)).toMatchObject({ openCount: 1, counts: { rumored: 1 } });
    const onlyArchived = await api().get("/api/stories?status=archived").expect(200);
    expect(onlyArchived.body.items.every((s: { status: string }) => s.status === "archived")).toBe(true);

    const walked: number[] = [];
    for (let cursor = ""; ;) {
      const page = await api()
        .get(`/api/stories?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        .expect(200);
      walked.push(...page.body.items.map((s: { id: number }) => s.id));
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    expect(walked).toEqual(ids);
  });
});

describe("the claims list and timeline by story", () => {
  it("GET /api/claims?story=ID lists the story's claims only, combined with status; /claims?story= names the story", async () => {
    const story = await newStory();
    const rumored = await newClaim({ status: "rumored" });
    const unverified = await newClaim();
    const outside = await newClaim({ status: "rumored" });
    for (const c of [rumored, unverified]) await add(story.id, c.id).expect(201);
    const ids = async (q: string) => (await api().get(`/api/claims?${q}`).expect(200)).body.items.map((c: { id: number }) => c.id);
    expect(await ids(`story=${story.id}`)).toEqual([unverified.id, rumored.id]);
    expect(await ids(`story=${story.id}&status=rumored`)).toEqual([rumored.id]);
    expect(await ids(`status=rumored&limit=100`)).toEqual(expect.arrayContaining([rumored.id, outside.id]));
    const bad = await api().get("/api/claims?story=abc").expect(422);
    expect(bad.body.error.fields.story).toBeDefined();

    const { agent } = await t.signIn("viewer");
    const page = await agent.get(`/claims?story=${story.id}&status=rumored`).expect(200);
    expect(page.text).toContain(story.title);
    expect(page.text).toContain(rumored.statement);
    expect(page.text).not.toContain(unverified.statement);
    expect(page.text).not.toContain(outside.statement);
  });

  it("GET /timeline?story=ID shows the story's timed claims only", async () => {
    const story = await newStory();
    const inside = await newClaim({ occurredAt: "2023-11-18T04:00:00Z" });
    const outside = await newClaim({ occurredAt: "2023-11-18T05:00:00Z" });
    await add(story.id, inside.id).expect(201);
    const { agent } = await t.signIn("viewer");
    const page = await agent.get(`/timeline?story=${story.id}`).expect(200);
    expect(page.text).toContain(inside.statement);
    expect(page.text).not.toContain(outside.statement);
    expect(page.text).toContain(story.title);
    expect((await agent.get("/timeline").expect(200)).text).toContain(outside.statement);
  });
});

describe("story pages", () => {
  it("the story page shows counts by status, open rumors oldest first, who is assigned what, its claims and its activity", async () => {
    const story = await newStory({ description: "<b>not bold</b>" });
    const first = await newClaim({ status: "rumored" });
    const second = await newClaim({ status: "rumored" });
    const quiet = await newClaim();
    // the claim recorded later is the older rumor: the page orders by when a rumor was recorded, not by id or when it joined the story
    await t.db.claim.update({ where: { id: second.id }, data: { createdAt: new Date("2023-11-17T00:00:00Z") } });
    await t.db.claim.update({ where: { id: first.id }, data: { createdAt: new Date("2023-11-18T00:00:00Z") } });
    for (const c of [quiet, first, second]) await add(story.id, c.id).expect(201);
    const { agent, id: editorId } = await t.signIn("editor");
    await t.db.user.update({ where: { id: editorId }, data: { name: "Ada Desk" } });
    await t.db.claim.update({ where: { id: first.id }, data: { assigneeId: editorId } });

    const page = await agent.get(`/stories/${story.id}`).expect(200);
    expect(page.text).toContain("&lt;b&gt;not bold&lt;/b&gt;");
    expect(page.text).toMatch(/data-status="rumored">2</);
    expect(page.text).toMatch(/data-status="unverified">1</);
    expect(page.text).toMatch(/data-status="confirmed">0</);
    const rumors = /<ol class="dashboard-list" id="story-rumors">([\s\S]*?)<\/ol>/.exec(page.text)![1]!;
    expect(rumors.indexOf(second.statement)).toBeGreaterThan(-1);
    expect(rumors.indexOf(second.statement)).toBeLessThan(rumors.indexOf(first.statement));
    expect(rumors).not.toContain(quiet.statement);
    const assigned = page.text.slice(page.text.indexOf('id="assigned-title"'), page.text.indexOf('id="claims-title"'));
    expect(assigned).toContain("Ada Desk");
    expect(assigned).toContain(first.statement);
    expect(assigned).toContain("2 open claims have nobody on them.");
    expect(page.text).toContain(`href="/claims?story=${story.id}"`);
    expect(page.text).toContain(`href="/timeline?story=${story.id}"`);
    expect(page.text).toContain('<td data-label="Occurred">—</td>');
    const activity = page.text.slice(page.text.indexOf('id="activity-title"'));
    expect(activity).toContain("Claim added to the story");
    expect(activity).toContain(`Claim #${second.id}`);
    expect(activity).toContain("Claim created");
  });

  it("who is working on what lists each assignee's first claims, however many open claims another assignee holds", async () => {
    const story = await newStory();
    const busy = await t.signIn("editor");
    const late = await t.signIn("editor");
    await t.db.user.update({ where: { id: late.id }, data: { name: "Late Desk" } });
    const word = unique("Held by the busy desk");
    await t.db.claim.createMany({ data: Array.from({ length: 501 }, (_, i) => ({ statement: `${word} ${i}`, status: "rumored", assigneeId: busy.id })) });
    const held = await t.db.claim.findMany({ where: { statement: { startsWith: word } }, select: { id: true } });
    const theirs = await newClaim({ status: "rumored" });
    await t.db.claim.update({ where: { id: theirs.id }, data: { assigneeId: late.id } });
    await t.db.storyClaim.createMany({ data: [...held, theirs].map((c) => ({ storyId: story.id, claimId: c.id })) });
    const page = await late.agent.get(`/stories/${story.id}`).expect(200);
    const assigned = page.text.slice(page.text.indexOf('id="assigned-title"'), page.text.indexOf('id="claims-title"'));
    expect(assigned).toContain("Late Desk");
    expect(assigned).toContain(theirs.statement);
    expect(assigned).toContain("501 open claims");
    expect(assigned.match(new RegExp(`${word} \\d+`, "g"))).toHaveLength(10);
  });

  it("the story page's activity is the newest 15 events of the story and of all its claims, newest first", async () => {
    const story = await newStory();
    const [busy, later, last, quiet] = [await newClaim(), await newClaim(), await newClaim(), await newClaim()];
    for (const c of [quiet, busy, later, last]) await add(story.id, c.id).expect(201);
    const edit = async (c: { id: number }, times: number) => {
      for (let i = 0; i < times; i++) {
        const { version } = (await api().get(`/api/claims/${c.id}`).expect(200)).body as { version: number };
        await api()
          .patch(`/api/claims/${c.id}`, { context: `Edit ${i}`, version })
          .expect(200);
      }
    };
    await edit(busy, 10);
    await edit(later, 3);
    await api()
      .patch(`/api/stories/${story.id}`, { title: unique("Retitled"), version: 1 })
      .expect(200);
    await edit(last, 2);
    const ids = [story.id, busy.id, later.id, last.id, quiet.id];
    const newest = await t.db.auditEvent.findMany({
      where: {
        OR: [
          { subjectType: "story", subjectId: story.id },
          { subjectType: "claim", subjectId: { in: ids.slice(1) } },
        ],
      },
      orderBy: { id: "desc" },
      take: 15,
    });
    const { agent } = await t.signIn("viewer");
    const shown = async () => {
      const page = await agent.get(`/stories/${story.id}`).expect(200);
      return [...page.text.slice(page.text.indexOf('id="activity-title"')).matchAll(/<tr id="event-(\d+)">/g)].map((m) => Number(m[1]));
    };
    expect(await shown()).toEqual(newest.map((e) => e.id));
    expect(newest.map((e) => e.subjectId)).toEqual([last.id, last.id, story.id, later.id, later.id, later.id, ...Array(9).fill(busy.id)]);
    // the same when the log's newest events hold fewer than 15 of the story's (a quiet story): read claim by claim instead
    const window = STORY_PAGE.recentEvents;
    STORY_PAGE.recentEvents = 3;
    try {
      expect(await shown()).toEqual(newest.map((e) => e.id));
    } finally {
      STORY_PAGE.recentEvents = window;
    }
  });

  it("the story page's activity names what its events name: the assignee, the people linked and the sources cited, not their ids", async () => {
    const story = await newStory();
    const { agent, id: editorId } = await t.signIn("editor");
    await t.db.user.update({ where: { id: editorId }, data: { name: "Rita Desk" } });
    const entity = (
      await api()
        .post("/api/entities", { name: unique("Mitt Hill"), kind: "person" })
        .expect(201)
    ).body as { id: number; name: string };
    const source = (
      await api()
        .post("/api/sources", { title: unique("Board letter") })
        .expect(201)
    ).body as { id: number; title: string };
    const claim = await newClaim({ status: "rumored" });
    await add(story.id, claim.id).expect(201);
    await api()
      .patch(`/api/claims/${claim.id}`, { assigneeId: editorId, entityIds: [entity.id], version: claim.version })
      .expect(200);
    await api()
      .post(`/api/claims/${claim.id}/resolution`, { outcome: "confirmed", note: "The letter is out.", sourceIds: [source.id] })
      .expect(200);

    const page = await agent.get(`/stories/${story.id}`).expect(200);
    const activity = page.text.slice(page.text.indexOf('id="activity-title"'));
    expect(activity).toMatch(/Assignee: \S*Nobody\S* → \S*Rita Desk/);
    expect(activity).toContain(entity.name);
    expect(activity).toContain(`<a class="tag" href="/sources/${source.id}">${source.title}</a>`);
    expect(activity).not.toContain(`account #${editorId}`);
  });

  it("an editor creates, edits, archives and restores a story through the forms", async () => {
    const { agent, csrf, email } = await t.signIn("editor");
    const title = unique("Desk story");
    const created = await agent.post("/stories").type("form").send({ _csrf: csrf, title, description: "Why" }).expect(302);
    const id = Number(/^\/stories\/(\d+)$/.exec(created.headers.location as string)?.[1]);
    expect((await storyEvents(id))[0]).toMatchObject({ action: "story.create", actorLabel: email });
    expect((await agent.get(`/stories/${id}`).expect(200)).text).toContain(`Story #${id} created.`);
    expect((await agent.get(`/stories/${id}/edit`).expect(200)).text).toContain(`value="${title}"`);
    await agent.post(`/stories/${id}`).type("form").send({ _csrf: csrf, title: "Edited", description: "Why", version: "1" }).expect(302);
    await agent.post(`/stories/${id}`).type("form").send({ _csrf: csrf, status: "archived", version: "2" }).expect(302);
    const archived = await agent.get(`/stories/${id}`).expect(200);
    expect(archived.text).toContain("Story archived.");
    expect(archived.text).toContain("Restore the story to add claims to it.");
    const list = await agent.get("/stories").expect(200);
    expect(list.text).not.toContain(`/stories/${id}"`);
    expect((await agent.get("/stories?status=archived").expect(200)).text).toContain(`/stories/${id}"`);
    await agent.post(`/stories/${id}`).type("form").send({ _csrf: csrf, status: "active", version: "3" }).expect(302);
    expect(await t.db.story.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Edited", status: "active", version: 4 });
  });

  it("the new form with no title answers 422 with the message and keeps the description", async () => {
    const { agent, csrf } = await t.signIn("editor");
    const before = await writes();
    const res = await agent.post("/stories").type("form").send({ _csrf: csrf, title: "", description: "kept <words>" }).expect(422);
    expect(res.text).toContain("The title is required.");
    expect(res.text).toContain("kept &lt;words&gt;");
    expect(await writes()).toEqual(before);
  });

  it("a stale edit answers 409 with the conflict page: the saved story and who saved it beside the input, which is kept", async () => {
    const story = await newStory();
    await api().patch(`/api/stories/${story.id}`, { title: "Saved by the API", version: 1 }).expect(200);
    const { agent, csrf } = await t.signIn("editor");
    const before = await writes();
    const res = await agent.post(`/stories/${story.id}`).type("form").send({ _csrf: csrf, title: "My title", description: "", version: "1" }).expect(409);
    expect(res.text).toContain("Edit conflict");
    expect(res.text).toContain("Saved by the API");
    expect(res.text).toContain('value="My title"');
    expect(res.text).toContain('name="version" value="2"');
    expect(await writes()).toEqual(before);

    // a stale Archive: the conflict page's form still archives
    const archive = await agent.post(`/stories/${story.id}`).type("form").send({ _csrf: csrf, status: "archived", version: "1" }).expect(409);
    expect(archive.text).toContain('<input type="hidden" name="status" value="archived">');
    expect(archive.text).toContain('value="Saved by the API"');
    expect(await writes()).toEqual(before);
  });

  it("adds a claim from the story page by number and by finding it, and refuses one twice with 409 and the number kept", async () => {
    const story = await newStory();
    const word = `zebrafinch${Date.now()}`;
    const byNumber = await newClaim();
    const found = await newClaim({ statement: `The ${word} was seen` });
    const { agent, csrf } = await t.signIn("editor");
    const res = await agent
      .post(`/stories/${story.id}/claims`)
      .type("form")
      .send({ _csrf: csrf, claimId: String(byNumber.id) })
      .expect(302);
    expect(res.headers.location).toBe(`/stories/${story.id}#add-claim`);
    const search = await agent.get(`/stories/${story.id}?find=${word}`).expect(200);
    expect(search.text).toContain(`Add claim #${found.id} to the story`);
    await agent
      .post(`/stories/${story.id}/claims`)
      .type("form")
      .send({ _csrf: csrf, claimId: String(found.id) })
      .expect(302);
    expect((await agent.get(`/stories/${story.id}?find=${word}`).expect(200)).text).toContain("Already in this story");

    const twice = await agent
      .post(`/stories/${story.id}/claims`)
      .type("form")
      .send({ _csrf: csrf, claimId: String(found.id) })
      .expect(409);
    expect(twice.text).toContain(`Claim #${found.id} is already in this story.`);
    expect(twice.text).toContain(`name="claimId" type="text" inputmode="numeric" value="${found.id}"`);
    const none = await agent.post(`/stories/${story.id}/claims`).type("form").send({ _csrf: csrf, claimId: "abc" }).expect(422);
    expect(none.text).toContain("Give the claim&#39;s number, e.g. 12.");
    expect((await t.db.storyClaim.findMany({ where: { storyId: story.id } })).map((l) => l.claimId).sort()).toEqual([byNumber.id, found.id].sort());
  });

  it("the claim page's Stories box lists its stories and adds it to an active one or removes it, back on the claim page", async () => {
    const story = await newStory();
    const archived = await newStory();
    await api().patch(`/api/stories/${archived.id}`, { status: "archived", version: 1 }).expect(200);
    const claim = await newClaim();
    const { agent, csrf } = await t.signIn("editor");
    const page = await agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).toContain("This claim is in no story.");
    const box = page.text.slice(page.text.indexOf('id="add-to-story"'));
    expect(box).toContain(`<option value="${story.id}">`);
    expect(box).not.toContain(`<option value="${archived.id}">`);
    const added = await agent
      .post(`/claims/${claim.id}/stories`)
      .type("form")
      .send({ _csrf: csrf, storyId: String(story.id) })
      .expect(302);
    expect(added.headers.location).toBe(`/claims/${claim.id}#stories`);
    const after = await agent.get(`/claims/${claim.id}`).expect(200);
    expect(after.text).toContain(`<a href="/stories/${story.id}">${story.title}</a>`);
    await agent
      .post(`/claims/${claim.id}/stories`)
      .type("form")
      .send({ _csrf: csrf, storyId: String(archived.id) })
      .expect(422);
    const removed = await agent.post(`/stories/${story.id}/claims/${claim.id}/remove`).type("form").send({ _csrf: csrf, from: "claim" }).expect(302);
    expect(removed.headers.location).toBe(`/claims/${claim.id}#stories`);
    expect(await t.db.storyClaim.count({ where: { claimId: claim.id } })).toBe(0);
    await agent.post(`/stories/${story.id}/claims/${claim.id}/remove`).type("form").send({ _csrf: csrf }).expect(404);
    // the claim is in the address: one that does not exist is a 404 (not a refused field), and nothing is added
    const missing = await agent
      .post("/claims/999999/stories")
      .type("form")
      .send({ _csrf: csrf, storyId: String(story.id) })
      .expect(404);
    expect(missing.text).toContain("Claim #999999");
    expect(await t.db.storyClaim.count({ where: { storyId: story.id } })).toBe(0);
  });

  it("viewers see stories but no forms, and the forms' addresses answer 403", async () => {
    const story = await newStory();
    const { agent, csrf } = await t.signIn("viewer");
    const page = await agent.get(`/stories/${story.id}`).expect(200);
    expect(page.text).not.toContain(`action="/stories/${story.id}/claims"`);
    await agent.get("/stories/new").expect(403);
    await agent.post("/stories").type("form").send({ _csrf: csrf, title: "Mine" }).expect(403);
    await agent.post(`/stories/${story.id}/claims`).type("form").send({ _csrf: csrf, claimId: "1" }).expect(403);
  });

  it("the dashboard lists active stories with their open counts, not archived ones; the navigation links Stories", async () => {
    const active = await newStory();
    await add(active.id, (await newClaim({ status: "rumored" })).id).expect(201);
    const archived = await newStory();
    await api().patch(`/api/stories/${archived.id}`, { status: "archived", version: 1 }).expect(200);
    const { agent } = await t.signIn("viewer");
    const home = await agent.get("/").expect(200);
    const box = /<ul class="dashboard-list" id="dashboard-stories">([\s\S]*?)<\/ul>/.exec(home.text)![1]!;
    expect(box).toContain(active.title);
    expect(box).toMatch(new RegExp(`${active.title}</a>\\s*<span class="muted nowrap">1 open · 1 rumored`));
    expect(box).not.toContain(archived.title);
    expect(home.text).toContain('<a href="/stories"');
  });

  it("the audit log names story events in words and links the story, in English and French", async () => {
    const story = await newStory();
    const claim = await newClaim();
    await add(story.id, claim.id).expect(201);
    const { agent } = await t.signIn("viewer");
    const log = await agent.get(`/audit?subjectType=story&subjectId=${story.id}`).expect(200);
    const rows = log.text.slice(log.text.indexOf('<table class="table history">'));
    expect(rows).toContain("Claim added to the story");
    expect(rows).toContain(`Claim #${claim.id}`);
    expect(rows).toContain(`<a href="/stories/${story.id}">Story #${story.id}: ${story.title}</a>`);
    // only the story's own events: not the claim's creation
    expect(rows).toContain("Story created");
    expect(rows).not.toContain("Claim created");
    const fr = await agent.get(`/audit?subjectType=story&subjectId=${story.id}`).set("Accept-Language", "fr").expect(200);
    expect(fr.text).toContain("Affirmation ajoutée au sujet");
    expect(fr.text).toContain(`<li>Affirmation: — → Affirmation nº\u00a0${claim.id}</li>`);
  });
});

describe("the seed's story", () => {
  it("holds every seed claim, audited by the system; loading the seed again adds nothing and the chain verifies", async () => {
    const s = await testApp();
    try {
      await seedIfEmpty(s.db);
      const stories = await s.db.story.findMany();
      expect(stories).toMatchObject([{ title: STORY.title, status: "active" }]);
      expect(stories[0]!.title).toBe("OpenAI board crisis, November 2023");
      expect(await s.db.storyClaim.count({ where: { storyId: stories[0]!.id } })).toBe(seedClaims.length);
      expect(await s.db.auditEvent.count({ where: { action: "story.addClaim", actorLabel: "system" } })).toBe(seedClaims.length);
      const before = { stories: await s.db.story.count(), links: await s.db.storyClaim.count(), events: await s.db.auditEvent.count() };
      expect(await seedIfEmpty(s.db)).toBeNull();
      expect({ stories: await s.db.story.count(), links: await s.db.storyClaim.count(), events: await s.db.auditEvent.count() }).toEqual(before);
      expect((await verifyChain(s.db)).ok).toBe(true);
    } finally {
      await s.close();
    }
  });
});
