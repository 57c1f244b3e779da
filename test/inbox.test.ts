import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

type Who = { agent: Agent; csrf: string; email: string; id: number };
let t: TestApp;
let alice: Who;
let bob: Who;
let carol: Who;
let viewer: Who;

const send = (who: Who, method: "post" | "patch" | "delete", url: string, body: object = {}) => who.agent[method](url).set("x-csrf-token", who.csrf).send(body);

async function newClaim(who: Who, statement: string) {
  const res = await send(who, "post", "/api/claims", { statement, status: "rumored" }).expect(201);
  return res.body as { id: number; version: number };
}

const inbox = async (who: Who, query = "") => (await who.agent.get(`/api/inbox${query}`).expect(200)).body as InboxJson;
interface InboxJson {
  items: { id: number; action: string; actor: string; actorName: string; subjectId: number; unread: boolean; claim: { id: number; statement: string } }[];
  unread: number;
  readUpTo: number;
  nextCursor: string | null;
}

/** The navigation's count as the page says it to a screen reader. */
const navCount = async (who: Who) => {
  const page = await who.agent.get("/claims").expect(200);
  return /<span class="visually-hidden">\((\d+) unread\)<\/span><\/a>/.exec(page.text)?.[1] ?? null;
};

beforeAll(async () => {
  t = await testApp();
  alice = await t.signIn("editor");
  await t.db.user.update({ where: { id: alice.id }, data: { name: "Alice Ames" } });
  bob = await t.signIn("editor");
  await t.db.user.update({ where: { id: bob.id }, data: { name: "Bob Brun" } });
  carol = await t.signIn("editor");
  viewer = await t.signIn("viewer");
});
afterAll(() => t.close());

describe("the inbox", () => {
  it("counts the changes others make to a claim I created, never my own", async () => {
    const before = (await inbox(alice)).unread;
    const claim = await newClaim(alice, "Alice's claim about the board.");
    await send(alice, "patch", `/api/claims/${claim.id}`, { context: "My own edit.", version: 1 }).expect(200);
    expect((await inbox(alice)).unread).toBe(before);
    await send(bob, "post", `/api/claims/${claim.id}/comments`, { body: "Bob asks a question." }).expect(201);
    await send(bob, "patch", `/api/claims/${claim.id}`, { context: "Bob's edit.", version: 2 }).expect(200);
    const box = await inbox(alice);
    expect(box.unread).toBe(before + 2);
    expect(box.items.slice(0, 2).map((i) => [i.action, i.actorName, i.subjectId, i.unread])).toEqual([
      ["claim.update", "Bob Brun", claim.id, true],
      ["comment.add", "Bob Brun", claim.id, true],
    ]);
    expect(box.items[0]!.claim).toEqual({ id: claim.id, statement: "Alice's claim about the board." });
    // Bob commented and edited: he watches it now, and hears of Alice's next change but not of his own
    const bobs = (await inbox(bob)).unread;
    await send(alice, "post", `/api/claims/${claim.id}/comments`, { body: "Alice answers." }).expect(201);
    expect((await inbox(bob)).unread).toBe(bobs + 1);
    expect((await inbox(alice)).unread).toBe(before + 2);
  });

  it("the assignee hears of the assignment, and of later changes", async () => {
    const claim = await newClaim(alice, "A claim for Carol.");
    const before = (await inbox(carol)).unread;
    await send(alice, "patch", `/api/claims/${claim.id}`, { assigneeId: carol.id, version: 1 }).expect(200);
    const box = await inbox(carol);
    expect(box.unread).toBe(before + 1);
    expect(box.items[0]).toMatchObject({ action: "claim.assign", subjectId: claim.id, unread: true, actorName: "Alice Ames" });
    await send(alice, "post", `/api/claims/${claim.id}/comments`, { body: "Over to you." }).expect(201);
    expect((await inbox(carol)).unread).toBe(before + 2);
    const page = await carol.agent.get("/inbox").expect(200);
    expect(page.text).toContain("Assigned to you");
    expect(page.text).toContain("Over to you.");
  });

  it("POST /api/inbox/read marks read up to an event, never backwards nor past the newest event", async () => {
    const claim = await newClaim(alice, "A claim with three changes.");
    for (const body of ["One.", "Two.", "Three."]) await send(bob, "post", `/api/claims/${claim.id}/comments`, { body }).expect(201);
    const box = await inbox(alice);
    const [three, two, one] = box.items;
    const res = await send(alice, "post", "/api/inbox/read", { upTo: two!.id }).expect(200);
    expect(res.body).toEqual({ readUpTo: two!.id, unread: 1 });
    const after = await inbox(alice);
    expect(after.items.slice(0, 3).map((i) => [i.id, i.unread])).toEqual([
      [three!.id, true],
      [two!.id, false],
      [one!.id, false],
    ]);
    // an older mark sent late keeps the newer one
    expect((await send(alice, "post", "/api/inbox/read", { upTo: one!.id }).expect(200)).body.readUpTo).toBe(two!.id);
    // a mark beyond the newest event stops there: what comes after is still news
    const far = await send(alice, "post", "/api/inbox/read", { upTo: 9_000_000 }).expect(200);
    expect(far.body).toEqual({ readUpTo: three!.id, unread: 0 });
    await send(bob, "post", `/api/claims/${claim.id}/comments`, { body: "Four." }).expect(201);
    expect((await inbox(alice)).unread).toBe(1);
    for (const upTo of [0, -1, "x", null]) expect((await send(alice, "post", "/api/inbox/read", { upTo }).expect(422)).body.error.fields.upTo).toBeTruthy();
  });

  it("is paged newest first with a cursor", async () => {
    const claim = await newClaim(carol, "A busy claim.");
    for (let i = 1; i <= 5; i++) await send(bob, "post", `/api/claims/${claim.id}/comments`, { body: `Note ${i}.` }).expect(201);
    const all = (await inbox(carol, "?limit=100")).items.map((i) => i.id);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const first = await inbox(carol, "?limit=2");
    expect(first.nextCursor).toBeTruthy();
    const second = await inbox(carol, `?limit=2&cursor=${first.nextCursor}`);
    // the second page goes on where the first stopped: nothing skipped, nothing twice
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.slice(0, 4));
  });

  it("needs a signed-in account", async () => {
    await request(t.app).get("/api/inbox").expect(401);
    await request(t.app).get("/inbox").expect(302);
  });
});

describe("watching by hand", () => {
  it("POST /api/claims/:id/watch makes a viewer hear of changes; DELETE stops it; the claim page says which", async () => {
    const claim = await newClaim(alice, "A claim a viewer follows.");
    expect((await viewer.agent.get(`/claims/${claim.id}`).expect(200)).text).toContain("You do not watch this claim.");
    expect((await send(viewer, "post", `/api/claims/${claim.id}/watch`).expect(200)).body).toEqual({ claimId: claim.id, watching: true });
    await send(viewer, "post", `/api/claims/${claim.id}/watch`).expect(200);
    expect(await t.db.watch.count({ where: { userId: viewer.id, claimId: claim.id } })).toBe(1);
    expect((await viewer.agent.get(`/claims/${claim.id}`).expect(200)).text).toContain("You watch this claim.");
    const before = (await inbox(viewer)).unread;
    await send(alice, "post", `/api/claims/${claim.id}/comments`, { body: "Viewers, look." }).expect(201);
    expect((await inbox(viewer)).unread).toBe(before + 1);
    expect((await send(viewer, "delete", `/api/claims/${claim.id}/watch`).expect(200)).body).toEqual({ claimId: claim.id, watching: false });
    await send(alice, "post", `/api/claims/${claim.id}/comments`, { body: "Nobody hears this." }).expect(201);
    expect((await inbox(viewer)).unread).toBe(before + 1);
    await send(viewer, "post", "/api/claims/999999/watch").expect(404);
  });

  it("the page's Watch and Unwatch buttons do the same, with a flash", async () => {
    const claim = await newClaim(alice, "A claim Carol picks up.");
    await carol.agent.post(`/claims/${claim.id}/watch`).type("form").send({ _csrf: carol.csrf }).expect(302);
    const watching = await carol.agent.get(`/claims/${claim.id}`).expect(200);
    expect(watching.text).toContain("You are watching this claim");
    expect(watching.text).toContain(`action="/claims/${claim.id}/unwatch"`);
    await carol.agent.post(`/claims/${claim.id}/unwatch`).type("form").send({ _csrf: carol.csrf }).expect(302);
    const page = await carol.agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).toContain("You no longer watch this claim.");
    expect(await t.db.watch.count({ where: { userId: carol.id, claimId: claim.id } })).toBe(0);
  });
});

describe("the /inbox page and the navigation's count", () => {
  it("the count shows others' unread changes; /inbox lists them in words, escaped, unread marked; Mark all read clears it", async () => {
    const dave = await t.signIn("editor");
    expect(await navCount(dave)).toBeNull();
    const claim = await newClaim(dave, "Dave's <claim> & more.");
    await send(bob, "post", `/api/claims/${claim.id}/comments`, { body: "<i>Escaped</i> remark." }).expect(201);
    await send(bob, "patch", `/api/claims/${claim.id}`, { assigneeId: bob.id, version: 1 }).expect(200);
    expect(await navCount(dave)).toBe("2");
    const page = await dave.agent.get("/inbox").expect(200);
    expect(page.text).toContain("2 unread changes.");
    expect(page.text).toContain("Dave&#39;s &lt;claim&gt; &amp; more.");
    expect(page.text).toContain("&lt;i&gt;Escaped&lt;/i&gt; remark.");
    expect(page.text).toContain("Assigned to Bob Brun");
    expect(page.text).toContain("Comment posted");
    expect(page.text).toContain("<strong>Bob Brun</strong>");
    expect(page.text.match(/class="inbox-item unread"/g)).toHaveLength(2);
    const upTo = /name="upTo" value="(\d+)"/.exec(page.text)![1];
    await dave.agent.post("/inbox/read").type("form").send({ _csrf: dave.csrf, upTo }).expect(302);
    const after = await dave.agent.get("/inbox").expect(200);
    expect(after.text).toContain("Your inbox is all read.");
    expect(after.text).not.toContain('class="inbox-item unread"');
    expect(await navCount(dave)).toBeNull();
    const fr = await dave.agent.get("/inbox").set("Accept-Language", "fr").expect(200);
    expect(fr.text).toContain("Boîte de réception");
  });

  it("an empty inbox says so", async () => {
    const erin = await t.signIn("viewer");
    const page = await erin.agent.get("/inbox").expect(200);
    expect(page.text).toContain("Nothing yet. Changes others make to the claims you watch will appear here.");
    // once: not "Nothing unread." above it as well
    expect(page.text).not.toContain("Nothing unread.");
    expect(page.text).not.toContain('action="/inbox/read"');
  });
});
