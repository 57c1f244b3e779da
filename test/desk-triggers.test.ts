import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, SYSTEM, type Actor } from "../src/audit/audit.service.ts";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";

// What the desk migration's triggers on the audit log write in the event's
// own transaction, on either engine: who watches a claim, whose inbox an
// event reaches, and which webhook's outbox gets it; and the guards that
// keep comments as they were written.

let t: TestApp;
let a: Actor;
let b: Actor;

const actor = async (role: "editor" | "viewer", email: string): Promise<Actor> => {
  const user = await t.db.user.create({ data: { email, role, passwordHash: "-" } });
  return { id: user.id, label: email, role };
};

beforeAll(async () => {
  t = await testApp();
  [a, b] = [await actor("editor", "a@example.org"), await actor("editor", "b@example.org")];
});
afterAll(() => t.close());

const claim = async () =>
  (
    await bearer(t.app, await t.token("editor"))
      .post("/api/claims", { statement: "The board met on Sunday." })
      .expect(201)
  ).body as { id: number };
const inbox = async (who: Actor) => (await t.db.inboxItem.findMany({ where: { userId: who.id! }, orderBy: { eventId: "asc" } })).map((i) => i.eventId);
const watchers = async (claimId: number) => (await t.db.watch.findMany({ where: { claimId }, orderBy: { userId: "asc" } })).map((w) => w.userId);
const event = (who: Actor, claimId: number, action: string, changes: Record<string, [unknown, unknown]>) =>
  t.db.$transaction((tx) => recordAudit(tx, who, { action, subjectType: "claim", subjectId: claimId, changes }));
const lastEventId = async () => (await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).id;

describe("the desk's triggers on the audit log", () => {
  it("make the actor of a change watch the claim, and send it to every other watcher's inbox, not the actor's", async () => {
    const { id } = await claim();
    await event(a, id, "claim.update", { context: ["", "Per two sources."] });
    const first = await lastEventId();
    expect(await watchers(id)).toContain(a.id);
    expect(await inbox(a)).not.toContain(first);
    await event(b, id, "claim.update", { context: ["Per two sources.", "Per three sources."] });
    const second = await lastEventId();
    expect(await inbox(a)).toContain(second);
    expect(await inbox(b)).not.toContain(second);
  });

  it("make the assignee of a claim.assign watch it first, so the assignment reaches their inbox", async () => {
    const { id } = await claim();
    await event(a, id, "claim.assign", { assigneeId: [null, b.id] });
    const assigned = await lastEventId();
    expect(await watchers(id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await inbox(b)).toContain(assigned);
  });

  it("send the system's events (seed, flags) to every watcher, and make nobody watch for them", async () => {
    const { id } = await claim();
    await event(a, id, "claim.update", { context: ["", "x"] });
    const before = await watchers(id);
    await event(SYSTEM, id, "claim.flag", { needsReview: [false, true] });
    expect(await watchers(id)).toEqual(before);
    expect(await inbox(a)).toContain(await lastEventId());
  });

  it("write an outbox delivery for each active webhook that wants the action, due at the event's time", async () => {
    const resolve = await t.db.webhook.create({ data: { url: "https://hooks.example.org/1", actions: '["claim.resolve"]', secret: "s" } });
    const every = await t.db.webhook.create({ data: { url: "https://hooks.example.org/2", actions: '["*"]', secret: "s" } });
    const paused = await t.db.webhook.create({ data: { url: "https://hooks.example.org/3", actions: '["*"]', secret: "s", active: false } });
    const { id } = await claim();
    await event(a, id, "claim.resolve", { status: ["rumored", "confirmed"] });
    const resolved = await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await event(a, id, "claim.update", { context: ["", "y"] });
    const rows = await t.db.webhookDelivery.findMany({ where: { eventId: { gte: resolved.id } }, orderBy: [{ eventId: "asc" }, { webhookId: "asc" }] });
    expect(rows.map((r) => [r.webhookId, r.eventId - resolved.id, r.status])).toEqual([
      [resolve.id, 0, "pending"],
      [every.id, 0, "pending"],
      [every.id, 1, "pending"],
    ]);
    expect(rows[0]!.nextAttemptAt.getTime()).toBe(resolved.createdAt.getTime());
    expect(rows.some((r) => r.webhookId === paused.id)).toBe(false);
  });

  it("write nothing for an event whose transaction rolls back", async () => {
    const { id } = await claim();
    const counts = async () => [await t.db.watch.count(), await t.db.inboxItem.count(), await t.db.webhookDelivery.count()];
    const before = await counts();
    await expect(
      t.db.$transaction(async (tx) => {
        await recordAudit(tx, a, { action: "claim.assign", subjectType: "claim", subjectId: id, changes: { assigneeId: [null, b.id] } });
        throw new Error("the write fails after its event");
      }),
    ).rejects.toThrow("fails after");
    expect(await counts()).toEqual(before);
  });
});

describe("the comments' guards", () => {
  it("refuse UPDATE and DELETE of a comment from plain SQL, leaving it as written", async () => {
    const { id } = await claim();
    const comment = await t.db.comment.create({ data: { claimId: id, authorId: a.id!, body: "Who confirmed it?" } });
    await expect(t.db.$executeRawUnsafe(`UPDATE "Comment" SET body = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "Comment"`)).rejects.toThrow(/append-only: DELETE refused/);
    expect(await t.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toEqual(comment);
  });
});
