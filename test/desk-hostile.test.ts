import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inTransaction } from "../src/db.ts";
import { recordAudits } from "../src/audit/audit.service.ts";
import { liveHubOf } from "../src/live/live.routes.ts";
import { bearer, csrfFrom, testApp, type TestApp } from "./helpers/app.ts";
import { listen, openStream, type SseStream } from "./helpers/sse.ts";

// The desk's HTTP surface under hostile input (issue 12's finishing pass):
// each case here answered wrongly once; the answer is now a clear 4xx, or
// the stream keeps working.

let t: TestApp;
let base: string;
let stop: () => Promise<void>;
let editor: string;
let admin: string;
const streams: SseStream[] = [];

beforeAll(async () => {
  t = await testApp({ env: { LIVE_POLL_MS: "100" } });
  ({ base, stop } = await listen(t.app));
  [editor, admin] = await Promise.all([t.token("editor"), t.token("admin")]);
});
afterAll(async () => {
  for (const s of streams) s.close();
  await stop();
  await t.close();
});

describe("GET /events with a Last-Event-ID it never gave", () => {
  it("an id past the newest event (made up, or from before a restore), as a header or ?lastEventId=, and garbage, start from now: the next event arrives", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ "last-event-id": "999999999999999" }, ""],
      [{}, "?lastEventId=999999999999999"],
      [{ "last-event-id": "abc" }, ""],
      [{ "last-event-id": "-1" }, ""],
      [{ "last-event-id": "1e3" }, ""],
      [{}, "?lastEventId=0x10"],
    ];
    const opened: SseStream[] = [];
    for (const [headers, query] of cases) {
      // a reader each: one account may hold five streams
      const s = await openStream(base, { authorization: `Bearer ${await t.token("viewer")}`, ...headers }, query);
      streams.push(s);
      expect(s.status, JSON.stringify([headers, query])).toBe(200);
      opened.push(s);
    }
    const claim = (await bearer(t.app, editor).post("/api/claims", { statement: "Live: after a made-up Last-Event-ID." }).expect(201)).body;
    for (const s of opened) await s.waitFor((e) => e.subjectId === claim.id && e.action === "claim.create");
    for (const s of opened) s.close();
    await vi.waitFor(() => expect(liveHubOf(t.app).size).toBe(0));
  });
});

describe("GET /events from a client that never reads", () => {
  it("is cut once it holds a megabyte unread, instead of the server keeping every event for it; a client that reads keeps its stream", async () => {
    const hub = liveHubOf(t.app);
    const reader = await openStream(base, { authorization: `Bearer ${await t.token("viewer")}` });
    streams.push(reader);
    const stalled = connect(Number(new URL(base).port), "127.0.0.1");
    stalled.pause();
    stalled.write(`GET /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${await t.token("viewer")}\r\n\r\n`);
    await vi.waitFor(() => expect(hub.size).toBe(2));
    // events of about 2 kB (a long actor label): each poll sends a few hundred kB, well under the megabyte
    const actor = { id: null, label: "x".repeat(2000), role: "admin" as const };
    const burst = Array.from({ length: 1000 }, () => ({ action: "claim.update", subjectType: "claim" as const, subjectId: 1, changes: {} }));
    let head = 0;
    for (let round = 0; round < 30 && hub.size === 2; round++) {
      await inTransaction(t.db, (tx) => recordAudits(tx, actor, burst));
      head = (await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
      await reader.waitFor((e) => e.id === head);
    }
    stalled.destroy();
    expect(hub.size).toBe(1);
    expect(reader.isEnded()).toBe(false);
    expect(reader.messages.at(-1)?.id).toBe(String(head));
  });
});

describe("a webhook's address with a user name or password", () => {
  const CREDENTIALS = /Leave the user name and password out of the address/;
  const written = async () => ({ webhooks: await t.db.webhook.count(), events: await t.db.auditEvent.count() });

  it("POST and PATCH /api/webhooks answer 422 on url naming the signature as the way, and write nothing", async () => {
    const api = bearer(t.app, admin);
    const before = await written();
    for (const url of [
      "https://user:pass@example.com/hook",
      "https://user@example.com/hook",
      "https://:pass@example.com/hook",
      " http://a%40b:c@example.com/ ",
    ]) {
      const res = await api.post("/api/webhooks", { url, actions: ["claim.resolve"] }).expect(422);
      expect(res.body.error.fields.url, url).toMatch(CREDENTIALS);
    }
    expect(await written()).toEqual(before);
    const hook = (await api.post("/api/webhooks", { url: "https://example.com/hook", actions: ["*"] }).expect(201)).body;
    const after = await written();
    const res = await api.patch(`/api/webhooks/${hook.id}`, { url: "https://user:pass@example.com/hook", version: 1 }).expect(422);
    expect(res.body.error.fields.url).toMatch(CREDENTIALS);
    expect(await written()).toEqual(after);
    expect((await t.db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).url).toBe("https://example.com/hook");
  });

  it("the form shows the message beside the field with the input kept", async () => {
    const { agent } = await t.signIn("admin");
    const form = await agent.get("/webhooks/new").expect(200);
    const res = await agent
      .post("/webhooks")
      .type("form")
      .send({ _csrf: csrfFrom(form.text), url: "https://user:pass@example.com/form", actions: "claim.resolve" })
      .expect(422);
    expect(res.text).toMatch(CREDENTIALS);
    expect(res.text).toContain('id="error-url"');
    expect(res.text).toContain("https://user:pass@example.com/form");
    expect(await t.db.webhook.count({ where: { url: { contains: "user:pass" } } })).toBe(0);
  });
});

describe("a webhook's address as typed", () => {
  it("is kept as the URL the deliveries go to: a tab, upper case, a default port, dot segments or a missing slash cannot make the pages show another", async () => {
    const api = bearer(t.app, admin);
    const cases = [
      ["http://exa\tmple.com/hook", "http://example.com/hook"],
      ["HTTPS://Example.COM:443/a/../hook", "https://example.com/hook"],
      ["http:///example.com/hook", "http://example.com/hook"],
      ["https://example.com", "https://example.com/"],
    ];
    for (const [typed, kept] of cases) {
      const hook = (await api.post("/api/webhooks", { url: typed, actions: ["*"] }).expect(201)).body;
      expect(hook.url, typed).toBe(kept);
      expect((await t.db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).url).toBe(kept);
    }
  });
});

describe("a webhook's address in the audit log, which every reader sees", () => {
  it("is its origin only: a chat service's token in the path reaches neither /audit nor /api/audit; the admin's page shows it all", async () => {
    const api = bearer(t.app, admin);
    const url = "https://hooks.slack.com/services/T0/B0/create-token";
    const hook = (await api.post("/api/webhooks", { url, actions: ["claim.resolve"], format: "slack" }).expect(201)).body;
    await api.patch(`/api/webhooks/${hook.id}`, { url: "https://hooks.slack.com/services/T0/B0/edit-token", version: 1 }).expect(200);
    const events = await t.db.auditEvent.findMany({ where: { subjectType: "webhook", subjectId: hook.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => JSON.parse(e.changes).url)).toEqual([
      [null, "https://hooks.slack.com/…"],
      ["https://hooks.slack.com/…", "https://hooks.slack.com/…"],
    ]);
    const viewer = await t.signIn("viewer");
    const page = await viewer.agent.get("/audit").expect(200);
    const json = await bearer(t.app, await t.token("viewer"))
      .get("/api/audit")
      .expect(200);
    for (const text of [page.text, json.text]) {
      expect(text).toContain("https://hooks.slack.com/…");
      expect(text).not.toMatch(/create-token|edit-token/);
    }
    expect((await api.get(`/api/webhooks/${hook.id}`).expect(200)).body.url).toBe("https://hooks.slack.com/services/T0/B0/edit-token");
  });
});
