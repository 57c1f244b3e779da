import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";
import { listen, openStream, type SseStream } from "./helpers/sse.ts";

// The desk's HTTP surface under hostile input (issue 12's finishing pass):
// each case here answered wrongly once; the answer is now a clear 4xx, or
// the stream keeps working.

let t: TestApp;
let base: string;
let stop: () => Promise<void>;
let editor: string;
const streams: SseStream[] = [];

beforeAll(async () => {
  t = await testApp({ env: { LIVE_POLL_MS: "100" } });
  ({ base, stop } = await listen(t.app));
  editor = await t.token("editor");
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
  });
});
