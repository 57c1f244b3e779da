// The webhooks' outbox and its worker (issue 12, point 5): a receiver on
// loopback gets each matching event, signed; while it is down or failing the
// delivery is retried until it is back; a restart loses nothing; two workers
// on one database send each delivery once. Conditions are polled, never slept.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";
import { receiver, until, validSignature, type Receiver } from "./helpers/receiver.ts";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase, type Db } from "../src/db.ts";
import { startDeliveries, type DeliveryOptions, type DeliveryWorker } from "../src/webhooks/deliveries.ts";

const PUBLIC = "https://claims.example.org";
const ENV = { WEBHOOKS_ALLOW_PRIVATE: "1" };

let t: TestApp;
let admin: string;
let editor: string;
const workers: DeliveryWorker[] = [];
const receivers: Receiver[] = [];

/** A worker as the server starts one, with a short backoff. */
function start(db: Db = t.db, options: Partial<DeliveryOptions> = {}) {
  const w = startDeliveries(db, { publicUrl: PUBLIC, allowPrivate: true, baseMs: 20, pollMs: 25, log: () => {}, ...options });
  workers.push(w);
  return w;
}

async function listening(options?: { down?: boolean }) {
  const r = await receiver(options);
  receivers.push(r);
  return r;
}

const api = (token = admin, app = t.app) => bearer(app, token);
const register = async (body: object, app = t.app) => (await api(admin, app).post("/api/webhooks", body).expect(201)).body as { id: number; secret: string };
const deliveries = async (id: number, app = t.app) => (await api(admin, app).get(`/api/webhooks/${id}/deliveries`).expect(200)).body.items as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any

async function newClaim(app = t.app, statement = "The board approached Anthropic about a merger.") {
  return (await api(editor, app).post("/api/claims", { statement, status: "rumored", confidence: 30 }).expect(201)).body as { id: number };
}

async function resolve(claimId: number, outcome = "confirmed", note = "Both companies confirmed it.") {
  const source = (await api(editor).post("/api/sources", { title: "The Information", kind: "news_report" }).expect(201)).body as { id: number };
  await api(editor)
    .post(`/api/claims/${claimId}/resolution`, { outcome, note, sourceIds: [source.id] })
    .expect(200);
}

beforeAll(async () => {
  t = await testApp({ env: ENV });
  [admin, editor] = await Promise.all([t.token("admin"), t.token("editor")]);
});
// each test's webhooks are paused after it, so that the next test's events reach only its own receivers
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await t.db.webhook.updateMany({ data: { active: false } });
});
afterAll(() => t.close());

describe("the delivery worker", () => {
  it("POSTs a matching event to a receiver on loopback, signed with HMAC-SHA256 of the raw body, with the headers", async () => {
    const r = await listening();
    const hook = await register({ url: r.url, actions: ["claim.create"] });
    start();
    const claim = await newClaim();
    const got = await until(() => r.received.find((x) => x.json.event?.subjectId === claim.id), "the delivery");
    expect(validSignature(got.headers["x-claimtrack-signature"], got.raw, hook.secret)).toBe(true);
    expect(validSignature(got.headers["x-claimtrack-signature"], got.raw, "another secret entirely")).toBe(false);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.create", subjectId: claim.id } });
    const delivery = await t.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id, eventId: event.id } });
    expect(got.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Claimtrack-Webhooks",
      "x-claimtrack-event": "claim.create",
      "x-claimtrack-delivery": String(delivery.id),
    });
    expect(got.json).toEqual({
      delivery: delivery.id,
      event: {
        id: event.id,
        action: "claim.create",
        subjectType: "claim",
        subjectId: claim.id,
        actor: event.actorLabel,
        createdAt: event.createdAt.toISOString(),
        changes: JSON.parse(event.changes),
        reason: "",
        sourceIds: [],
        hash: event.hash,
      },
      url: `${PUBLIC}/claims/${claim.id}`,
    });
    const [shown] = await until(async () => ((await deliveries(hook.id))[0]?.status === "delivered" ? deliveries(hook.id) : null), "delivered");
    expect(shown).toMatchObject({
      id: delivery.id,
      eventId: event.id,
      action: "claim.create",
      attempts: 1,
      lastStatus: 200,
      lastError: "",
      nextAttemptAt: null,
    });
    expect(r.received).toHaveLength(1);
  });

  it("retries while the receiver is down, then failing (500), and delivers once it is back; the API and the page show the history", async () => {
    const r = await listening({ down: true });
    const hook = await register({ url: r.url, actions: ["claim.create"] });
    start();
    await newClaim();
    const refused = await until(async () => ((await deliveries(hook.id))[0]?.attempts >= 2 ? (await deliveries(hook.id))[0] : null), "two failed attempts");
    expect(refused).toMatchObject({ status: "pending", lastStatus: null });
    expect(refused.lastError).toMatch(/ECONNREFUSED/);
    expect(new Date(refused.nextAttemptAt).getTime()).toBeGreaterThan(new Date(refused.lastAttemptAt).getTime());
    r.answer = 500;
    await r.listen();
    const failing = await until(async () => ((await deliveries(hook.id))[0]?.lastStatus === 500 ? (await deliveries(hook.id))[0] : null), "an answer of 500");
    expect(failing.lastError).toContain("HTTP 500: receiver failed");
    r.answer = 200;
    const done = await until(async () => ((await deliveries(hook.id))[0]?.status === "delivered" ? (await deliveries(hook.id))[0] : null), "delivered");
    expect(done.attempts).toBeGreaterThanOrEqual(4);
    expect(done).toMatchObject({ lastStatus: 200, lastError: "" });
    // one delivery, sent again: the same id and the same signed body each time
    expect(new Set(r.received.map((x) => x.headers["x-claimtrack-delivery"]))).toEqual(new Set([String(done.id)]));
    expect(new Set(r.received.map((x) => x.raw)).size).toBe(1);
    const list = (await api().get("/api/webhooks").expect(200)).body.items.find((w: { id: number }) => w.id === hook.id);
    expect(list.lastDelivery).toMatchObject({ status: "delivered", attempts: done.attempts });
    const browser = await t.signIn("admin");
    const page = await browser.agent.get(`/webhooks/${hook.id}`).expect(200);
    expect(page.text).toContain(`id="delivery-${done.id}"`);
    expect(page.text).toContain("Delivered");
    expect(page.text).toContain("HTTP 200");
    expect(page.text).toContain(`/claims/${done.subjectId}/history#event-${done.eventId}`);
    expect((await browser.agent.get("/webhooks").expect(200)).text).toContain("Delivered");
  });

  it("delivers an event written while no worker ran, after the app is closed and a new one opened on the database", async () => {
    const a = await testApp({ env: ENV });
    const token = await a.token("admin");
    const r = await listening();
    const hook = (
      await bearer(a.app, token)
        .post("/api/webhooks", { url: r.url, actions: ["claim.create"] })
        .expect(201)
    ).body as { secret: string; id: number };
    const ed = await a.token("editor");
    const claim = (await bearer(a.app, ed).post("/api/claims", { statement: "Written before the restart.", confidence: 10 }).expect(201)).body as {
      id: number;
    };
    expect(await a.db.webhookDelivery.count({ where: { webhookId: hook.id, status: "pending" } })).toBe(1);
    await a.db.$disconnect();
    const db = await openDatabase(a.url);
    try {
      const app = createApp({ db, config: loadConfig({ NODE_ENV: "test", DATABASE_URL: a.url, SESSION_SECRET: "x".repeat(40), ...ENV }), log: () => {} });
      start(db);
      const got = await until(() => r.received[0], "the delivery after the restart");
      expect(got.json.event).toMatchObject({ action: "claim.create", subjectId: claim.id });
      expect(validSignature(got.headers["x-claimtrack-signature"], got.raw, hook.secret)).toBe(true);
      await until(
        async () => (await bearer(app, token).get(`/api/webhooks/${hook.id}/deliveries`).expect(200)).body.items[0].status === "delivered",
        "delivered",
      );
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
      await db.$disconnect();
      await a.close();
    }
  });

  it("sends only the actions a webhook wants: no delivery is even queued for the others", async () => {
    const r = await listening();
    const hook = await register({ url: r.url, actions: ["claim.resolve"] });
    start();
    const claim = await newClaim();
    await resolve(claim.id);
    const got = await until(() => r.received[0], "the resolve event");
    expect(got.headers["x-claimtrack-event"]).toBe("claim.resolve");
    expect(got.json.event).toMatchObject({ action: "claim.resolve", subjectId: claim.id, reason: "Both companies confirmed it." });
    expect(got.json.event.changes.status).toEqual(["rumored", "confirmed"]);
    const queued = await t.db.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    const actions = await t.db.auditEvent.findMany({ where: { id: { in: queued.map((d) => d.eventId) } }, select: { action: true } });
    expect(actions.map((e) => e.action)).toEqual(["claim.resolve"]);
    await until(async () => (await deliveries(hook.id))[0]?.status === "delivered", "delivered");
    expect(r.received).toHaveLength(1);
  });

  it("the slack format POSTs a { text } sentence naming the change, signed the same way", async () => {
    const r = await listening();
    const hook = await register({ url: r.url, actions: ["claim.resolve"], format: "slack" });
    start();
    const claim = await newClaim(t.app, "Altman returns as CEO <with> the board replaced & all.");
    await resolve(claim.id, "confirmed", "OpenAI announced it.");
    const got = await until(() => r.received[0], "the slack body");
    const actor = (await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.resolve", subjectId: claim.id } })).actorLabel;
    expect(Object.keys(got.json)).toEqual(["text"]);
    expect(got.json.text).toBe(
      `Claim #${claim.id} “Altman returns as CEO &lt;with&gt; the board replaced &amp; all.” resolved as confirmed by ${actor}\nWhy: OpenAI announced it.\n${PUBLIC}/claims/${claim.id}`,
    );
    expect(validSignature(got.headers["x-claimtrack-signature"], got.raw, hook.secret)).toBe(true);
  });

  it("checks the address again at connect: without WEBHOOKS_ALLOW_PRIVATE nothing reaches loopback, by address or by name; a redirect is not followed", async () => {
    const r = await listening();
    const byAddress = await register({ url: r.url, actions: ["claim.create"] });
    const byName = await register({ url: `http://localhost:${r.port}/hook`, actions: ["claim.create"] });
    start(t.db, { allowPrivate: false });
    await newClaim();
    for (const hook of [byAddress, byName]) {
      const [d] = await until(async () => ((await deliveries(hook.id))[0]?.attempts >= 1 ? deliveries(hook.id) : null), "a refused attempt");
      expect(d).toMatchObject({ status: "pending", lastStatus: null });
      expect(d.lastError).toMatch(/non-public address \((127\.0\.0\.1|::1)\); set WEBHOOKS_ALLOW_PRIVATE=1/);
    }
    expect(r.received).toEqual([]);
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    r.answer = 302;
    start();
    const [d] = await until(async () => ((await deliveries(byAddress.id))[0]?.lastStatus === 302 ? deliveries(byAddress.id) : null), "the 302");
    expect(d.status).toBe("pending");
    expect(d.lastError).toMatch(/^HTTP 302 \(redirects are not followed/);
  });

  it("retry by hand: a pending delivery is sent now instead of after its backoff, a failed one is pending again, a delivered one is a 409", async () => {
    const r = await listening();
    r.answer = 500;
    const hook = await register({ url: r.url, actions: ["claim.create"] });
    start(t.db, { baseMs: 10 * 60_000 });
    await newClaim();
    const [waiting] = await until(async () => ((await deliveries(hook.id))[0]?.attempts === 1 ? deliveries(hook.id) : null), "a failed attempt");
    expect(new Date(waiting.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    r.answer = 200;
    const retried = await api().post(`/api/webhooks/${hook.id}/deliveries/${waiting.id}/retry`, {}).expect(200);
    expect(retried.body).toMatchObject({ id: waiting.id, status: "pending" });
    await until(async () => (await deliveries(hook.id))[0]?.status === "delivered", "delivered after the retry");
    expect((await deliveries(hook.id))[0].attempts).toBe(2);
    await api().post(`/api/webhooks/${hook.id}/deliveries/${waiting.id}/retry`, {}).expect(409);

    // given up: the delivery is kept as failed, and the page's button sends it again
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    r.answer = 500;
    start(t.db, { giveUpMs: 0 });
    await newClaim();
    const [failed] = await until(async () => ((await deliveries(hook.id))[0]?.status === "failed" ? deliveries(hook.id) : null), "failed");
    expect(failed).toMatchObject({ attempts: 1, lastStatus: 500, nextAttemptAt: null });
    const browser = await t.signIn("admin");
    const page = await browser.agent.get(`/webhooks/${hook.id}`).expect(200);
    expect(page.text).toContain("Failed");
    expect(page.text).toContain(`action="/webhooks/${hook.id}/deliveries/${failed.id}/retry"`);
    // in French the delivery's number is written as every French page writes one
    const fr = await browser.agent.get(`/webhooks/${hook.id}`).set("Accept-Language", "fr").expect(200);
    expect(fr.text).toContain(`nº ${failed.id}<br>`);
    expect(fr.text).not.toContain(`#${failed.id}`);
    r.answer = 200;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    await browser.agent.post(`/webhooks/${hook.id}/deliveries/${failed.id}/retry`).type("form").send({ _csrf: csrf }).expect(302);
    await until(async () => (await deliveries(hook.id))[0]?.status === "delivered", "delivered after the button");
    expect((await browser.agent.get(`/webhooks/${hook.id}`).expect(200)).text).toContain(`Delivery #${failed.id} will be sent again now.`);
  });

  it("two workers on one database send each delivery once", async () => {
    const r = await listening();
    const hook = await register({ url: r.url, actions: ["claim.create"] });
    for (let i = 0; i < 14; i++) await newClaim(t.app, `Claim number ${i} of the race.`);
    const other = await openDatabase(t.url);
    try {
      start(t.db, { batch: 5 });
      start(other, { batch: 5 });
      await until(async () => (await t.db.webhookDelivery.count({ where: { webhookId: hook.id, status: "delivered" } })) === 14, "all 14 delivered");
      const ids = r.received.map((x) => x.headers["x-claimtrack-delivery"]);
      expect(ids).toHaveLength(14);
      expect(new Set(ids).size).toBe(14);
      expect(await t.db.webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { attempts: true } })).toEqual(Array(14).fill({ attempts: 1 }));
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
      await other.$disconnect();
    }
  });

  it("stops cleanly with a POST in flight: it waits a bounded time, then the delivery is released, not counted, and sent by the next worker", async () => {
    const r = await listening();
    r.answer = "hang";
    const hook = await register({ url: r.url, actions: ["claim.create"] });
    const w = start(t.db, { stopWaitMs: 200 });
    await newClaim();
    await until(() => r.received.length === 1, "the request in flight");
    await w.stop();
    const cut = await t.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(cut).toMatchObject({ status: "pending", attempts: 0, leaseEndsAt: null });
    r.answer = 200;
    start();
    await until(async () => (await deliveries(hook.id))[0]?.status === "delivered", "delivered by the next worker");
    expect(r.received).toHaveLength(2);
  });
});
