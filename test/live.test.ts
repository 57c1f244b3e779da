import type { ChildProcess } from "node:child_process";
import pg from "pg";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase, type Db } from "../src/db.ts";
import { SYSTEM, recordAudit } from "../src/audit/audit.service.ts";
import { createUser, issueToken } from "../src/users/users.service.ts";
import { liveHubOf } from "../src/live/live.routes.ts";
import { createLogger } from "../src/http/request-log.ts";
import { csrfFrom, PASSWORD, testApp, type TestApp } from "./helpers/app.ts";
import { listen, openStream, type SseStream } from "./helpers/sse.ts";
import { exited, freePort, killAll, startServer } from "./helpers/server.ts";

// Issue 12, point 6: GET /events, the live stream of audit events. Short
// poll and heartbeat settings; every wait is a poll for what must arrive.

const LIVE = { LIVE_POLL_MS: "100", LIVE_HEARTBEAT_MS: "200" };
let t: TestApp;
let base: string;
let stop: () => Promise<void>;
const streams: SseStream[] = [];
const children: ChildProcess[] = [];
let n = 0;

beforeAll(async () => {
  t = await testApp({ env: LIVE });
  ({ base, stop } = await listen(t.app));
});
afterAll(async () => {
  killAll(children);
  for (const s of streams) s.close();
  await stop();
  await t.close();
});

/** A new editor with a name and an API token. */
async function editor(name: string, db: Db = t.db) {
  const email = `live-${++n}@example.org`;
  const user = await createUser(db, SYSTEM, { email, role: "editor", password: PASSWORD, name });
  return { id: user.id, email, name, token: await issueToken(db, SYSTEM, email) };
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function stream(headers: Record<string, string>, at = base) {
  const s = await openStream(at, headers);
  streams.push(s);
  return s;
}

async function createClaim(token: string, statement: string, at = base): Promise<{ id: number }> {
  const res = await fetch(`${at}/api/claims`, {
    method: "POST",
    headers: { ...auth(token), "content-type": "application/json" },
    body: JSON.stringify({ statement, status: "rumored", confidence: 40 }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number };
}

/** An app server on the test's database with a client of its own, its JSON log kept in `log`. */
async function secondApp() {
  const db = await openDatabase(t.url);
  const log: { msg: string }[] = [];
  const logger = createLogger({ write: (line: string) => void log.push(JSON.parse(line) as { msg: string }) });
  const app = createApp({ db, config: loadConfig({ NODE_ENV: "test", DATABASE_URL: t.url, SESSION_SECRET: "x".repeat(40), ...LIVE }), log: () => {}, logger });
  const served = await listen(app);
  return {
    ...served,
    db,
    app,
    log,
    async close() {
      await liveHubOf(app).close();
      await served.stop();
      await db.$disconnect();
    },
  };
}

/** The session cookie of a sign-in through the login form. */
async function sessionCookie(email: string): Promise<string> {
  const cookies = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const page = await fetch(`${base}/login`);
  const form = new URLSearchParams({ email, password: PASSWORD, _csrf: csrfFrom(await page.text()) });
  const res = await fetch(`${base}/login`, { method: "POST", redirect: "manual", headers: { cookie: cookies(page) }, body: form });
  expect(res.status).toBe(302);
  return cookies(res);
}

describe("GET /events", () => {
  it("answers 401 with the API's error body without a session or token, also to a browser asking for HTML, and to a revoked-looking token", async () => {
    for (const accept of ["text/event-stream", "text/html"]) {
      const res = await fetch(`${base}/events`, { headers: { accept }, redirect: "manual" });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
    const bad = await fetch(`${base}/events`, { headers: auth("ct_not-a-token") });
    expect(bad.status).toBe(401);
  });

  it("a bearer stream is text/event-stream with a retry hint, and receives a claim created by ANOTHER editor through the API, named", async () => {
    const a = await editor("Ada Watcher");
    const b = await editor("Bea Writer");
    const s = await stream(auth(a.token));
    expect(s.status).toBe(200);
    expect(s.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(s.headers.get("cache-control")).toContain("no-transform");
    const claim = await createClaim(b.token, "Live: another editor's claim.");
    const m = await s.waitFor((e) => e.action === "claim.create" && e.subjectId === claim.id);
    expect(m.data).toMatchObject({ subjectType: "claim", actorId: b.id, actor: b.email, actorName: "Bea Writer" });
    expect(m.id).toBe(String(m.data.id));
    expect(new Date(m.data.createdAt).toISOString()).toBe(m.data.createdAt);
    expect(s.retry).toBeGreaterThan(0);
  });

  it("a session cookie opens the stream too", async () => {
    const a = await editor("Cookie Reader");
    const b = await editor("Cookie Writer");
    const s = await stream({ cookie: await sessionCookie(a.email) });
    expect(s.status).toBe(200);
    const claim = await createClaim(b.token, "Live: seen through a session.");
    await s.waitFor((e) => e.subjectId === claim.id && e.actorName === "Cookie Writer");
  });

  it("Last-Event-ID replays the events missed since, oldest first, then carries on live; at most the newest 100", async () => {
    const a = await editor("Replay Writer");
    const first = await createClaim(a.token, "Live: missed one.");
    const second = await createClaim(a.token, "Live: missed two.");
    const before = (await t.db.auditEvent.findFirstOrThrow({ where: { subjectType: "claim", subjectId: first.id } })).id - 1;
    const s = await stream({ ...auth(a.token), "last-event-id": String(before) });
    await s.waitFor((e) => e.subjectId === second.id);
    expect(s.messages.slice(0, 2).map((m) => m.data.subjectId)).toEqual([first.id, second.id]);
    const third = await createClaim(a.token, "Live: after the replay.");
    await s.waitFor((e) => e.subjectId === third.id);
    expect(s.messages.map((m) => m.data.subjectId)).toEqual([first.id, second.id, third.id]);

    for (let i = 0; i < 101; i++) await createClaim(a.token, `Live: burst ${i}.`);
    const head = (await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    // once the open stream has had the burst, the hub's reading is at the head: all a new stream misses is replayed
    await s.waitFor((e) => e.id === head);
    const late = await stream({ ...auth(a.token), "last-event-id": String(before) });
    await late.waitFor((e) => e.id === head);
    const ids = late.messages.map((m) => Number(m.id));
    expect(ids).toHaveLength(100);
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => head - 99 + i));
  });

  it("a Last-Event-ID beyond the newest event (a database restored from a backup) starts the stream from now, not silent until ids catch up", async () => {
    const a = await editor("Restored Reader");
    const b = await editor("Restored Writer");
    const s = await stream({ ...auth(a.token), "last-event-id": "999999999999" });
    expect(s.status).toBe(200);
    const claim = await createClaim(b.token, "Live: after a restore.");
    await s.waitFor((e) => e.subjectId === claim.id);
  });

  it("a user's sixth stream answers 429 with the usual error body; once one closes, a new one can be opened", async () => {
    const a = await editor("Many Tabs");
    const open: SseStream[] = [];
    for (let i = 0; i < 5; i++) open.push(await stream(auth(a.token)));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await stream(auth(a.token));
    expect(sixth.status).toBe(429);
    expect(sixth.body?.error).toMatchObject({ code: "too_many_requests", message: expect.stringContaining("5 live streams") });
    // another account is not counted against this one
    expect((await stream(auth((await editor("Other Tab")).token))).status).toBe(200);
    open[0]!.close();
    const again = await vi.waitFor(
      async () => {
        const s = await stream(auth(a.token));
        if (s.status !== 200) throw new Error(`still ${s.status}`);
        return s;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(again.status).toBe(200);
  });

  it("sends heartbeat comments while nothing happens (LIVE_HEARTBEAT_MS)", async () => {
    const s = await stream(auth((await editor("Quiet Reader")).token));
    await vi.waitFor(() => expect(s.comments.filter((c) => c === "heartbeat").length).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
  });

  it("never sends an event whose transaction rolled back", async () => {
    const a = await editor("Rollback Reader");
    const s = await stream(auth(a.token));
    const doomed = 987_654;
    await expect(
      t.db.$transaction(async (tx) => {
        await recordAudit(tx, SYSTEM, { action: "claim.update", subjectType: "claim", subjectId: doomed, changes: { confidence: [1, 2] } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const after = await createClaim(a.token, "Live: committed after a rollback.");
    await s.waitFor((e) => e.subjectId === after.id);
    expect(s.messages.filter((m) => m.data.subjectId === doomed)).toEqual([]);
  });

  it("a change made through a SECOND app server on the same database reaches a stream on the first", async () => {
    const second = await secondApp();
    try {
      const a = await editor("First Server Reader");
      const b = await editor("Second Server Writer");
      const s = await stream(auth(a.token));
      const claim = await createClaim(b.token, "Live: written on the second server.", second.base);
      const m = await s.waitFor((e) => e.subjectId === claim.id);
      expect(m.data.actorName).toBe("Second Server Writer");
    } finally {
      await second.close();
    }
  });

  it("a database fault while polling is logged and tried again: the process and its streams stay up", async () => {
    const second = await secondApp();
    const s = await stream(auth((await editor("Fault Reader")).token), second.base);
    expect(s.status).toBe(200);
    // the client's connections end under the poller: every poll fails from now on
    await second.db.$disconnect();
    await vi.waitFor(
      () => expect(second.log.filter((l) => l.msg.startsWith("live updates: reading new audit events failed")).length).toBeGreaterThanOrEqual(2),
      {
        timeout: 10_000,
        interval: 20,
      },
    );
    expect(s.isEnded()).toBe(false);
    await liveHubOf(second.app).close();
    await s.ended;
    await second.stop();
  });

  it.runIf(inject("engine") === "postgresql")("PostgreSQL ending every connection of the app leaves its streams delivering, on new connections", async () => {
    const a = await editor("Reconnecting Reader");
    const s = await stream(auth(a.token));
    const admin = new pg.Client({ connectionString: inject("postgresUrl") });
    await admin.connect();
    const { rows } = await admin
      .query<{ n: number }>(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1`, [new URL(t.url).pathname.slice(1)])
      .finally(() => admin.end());
    expect(rows[0]!.n).toBeGreaterThan(0);
    const claim = await vi.waitFor(() => createClaim(a.token, "Live: after the connections ended."), { timeout: 10_000, interval: 100 });
    await s.waitFor((e) => e.subjectId === claim.id);
    expect(s.isEnded()).toBe(false);
  });

  it("the pages with a live notice carry its data: who is reading, the newest event when rendered, the words in the reader's language", async () => {
    const { agent, id } = await t.signIn("viewer");
    const b = await editor("Page Writer");
    const claim = await createClaim(b.token, "Live: a page's notice.");
    const head = (await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    for (const url of [`/claims/${claim.id}`, "/claims", "/"]) {
      const page = (await agent.get(url).expect(200)).text;
      expect(page).toContain(`data-live-me="${id}"`);
      expect(page).toContain(`data-live-since="${head}"`);
      expect(page).toContain(`data-live-changed="Changed by {name} a moment ago:"`);
      expect(page).toContain(`<script src="/assets/live.js" defer></script>`);
    }
    expect((await agent.get(`/claims/${claim.id}`).expect(200)).text).toMatch(new RegExp(`data-live-types="claim"\\s+data-live-id="${claim.id}"`));
    const french = (await agent.get("/claims").set("Accept-Language", "fr").expect(200)).text;
    expect(french).toContain(`data-live-changed="Modifié par {name} à l’instant :"`);
    await request(t.app)
      .get("/assets/live.js")
      .expect(200)
      .expect("content-type", /javascript/);
  });

  it("?lastEventId= (a page's first connection) replays from the event the page was rendered at", async () => {
    const a = await editor("Query Reader");
    const claim = await createClaim(a.token, "Live: before the stream.");
    const at = (await t.db.auditEvent.findFirstOrThrow({ where: { subjectType: "claim", subjectId: claim.id } })).id;
    const replayed = await fetch(`${base}/events?lastEventId=${at - 1}`, { headers: auth(a.token) });
    expect(replayed.status).toBe(200);
    const reader = replayed.body!.getReader();
    let text = "";
    while (!text.includes(`id: ${at}\n`)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain(`"subjectId":${claim.id}`);
  });

  it("a stream ends after LIVE_STREAM_MAX_MS, so it never outlives its session: a reconnection with Last-Event-ID signs in again and misses nothing", async () => {
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: t.url, SESSION_SECRET: "x".repeat(40), ...LIVE, LIVE_STREAM_MAX_MS: "300" });
    const app = createApp({ db: t.db, config, log: () => {} });
    const other = await listen(app);
    try {
      const a = await editor("Aging Reader");
      const s = await stream(auth(a.token), other.base);
      const first = await createClaim(a.token, "Live: before the stream ends.");
      await s.waitFor((e) => e.subjectId === first.id);
      await s.ended;
      await vi.waitFor(() => expect(liveHubOf(app).size).toBe(0), { timeout: 5_000, interval: 20 });
      const missed = await createClaim(a.token, "Live: while it reconnects.");
      const again = await stream({ ...auth(a.token), "last-event-id": String(s.messages.at(-1)!.id) }, other.base);
      await again.waitFor((e) => e.subjectId === missed.id);
      await t.db.user.update({ where: { id: a.id }, data: { disabledAt: new Date() } });
      await again.ended;
      expect((await stream(auth(a.token), other.base)).status).toBe(401);
    } finally {
      await liveHubOf(app).close();
      await other.stop();
    }
  });

  it("closing an app's hub ends its streams cleanly; a new stream is then refused with 503", async () => {
    const app = createApp({ db: t.db, config: loadConfig({ NODE_ENV: "test", DATABASE_URL: t.url, SESSION_SECRET: "x".repeat(40), ...LIVE }), log: () => {} });
    const other = await listen(app);
    try {
      const token = (await editor("Closing Reader")).token;
      const s = [await stream(auth(token), other.base), await stream(auth(token), other.base)];
      expect(s.map((x) => x.status)).toEqual([200, 200]);
      await liveHubOf(app).close();
      await Promise.all(s.map((x) => x.ended));
      expect(liveHubOf(app).size).toBe(0);
      const refused = await stream(auth(token), other.base);
      expect(refused.status).toBe(503);
    } finally {
      await other.stop();
    }
  });

  it("the server (npm start) with streams open exits cleanly and promptly on SIGTERM, ending them", async () => {
    const a = await editor("Shutdown Reader");
    const port = await freePort();
    const server = await startServer(t.url, port, children, LIVE);
    const at = `http://127.0.0.1:${port}`;
    const s = [await stream(auth(a.token), at), await stream(auth(a.token), at)];
    expect(s.map((x) => x.status)).toEqual([200, 200]);
    // the stream is live before the signal: a change arrives
    const claim = await createClaim(a.token, "Live: before the shutdown.", at);
    await s[0]!.waitFor((e) => e.subjectId === claim.id);
    server.kill("SIGTERM");
    // exit code 1 would be the 10 s fallback of a stop that hung
    expect(await exited(server)).toBe(0);
    await Promise.all(s.map((x) => x.ended));
  });
});
