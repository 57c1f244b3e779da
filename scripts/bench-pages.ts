// Every page of issue 10's list, and the desk's (issue 12: a story holding a
// tenth of the ledger, an assignee's claims, an inbox: scripts/bench-desk.ts),
// one client at a time, over HTTP against the app in this process: the
// figures their targets compare between sizes (p95 at 100,000 within 2× of
// 1,000, and under 50 ms).
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { Db } from "../src/db.ts";
import type { Desk } from "./bench-desk.ts";
import { httpClient, type Stats } from "./bench-lib.ts";
import { pick, seeded } from "./synthetic-text.ts";

export interface Ids {
  claims: number[];
  sources: number[];
  entities: number[];
  desk: Desk;
}

type Case = [name: string, path: (i: number) => string, auth: "session" | "token"];

/** The pages: the first source and entity are the seed's most cited, then random ones, as an editor browses. */
export function pages(ids: Ids): Case[] {
  const r = seeded(11);
  const some = (list: number[]) => (i: number) => (i % 4 === 0 ? list[0]! : pick(r, list));
  const claim = some(ids.claims);
  const source = some(ids.sources);
  const entity = some(ids.entities);
  return [
    ["GET /", () => "/", "session"],
    ["GET /audit", () => "/audit", "session"],
    ["GET /claims", () => "/claims", "session"],
    ["GET /claims?q=Ultraman", () => "/claims?q=Ultraman", "session"],
    ["GET /claims?q=société", () => "/claims?q=soci%C3%A9t%C3%A9", "session"],
    ["GET /claims/:id", (i) => `/claims/${claim(i)}`, "session"],
    ["GET /claims/:id/history", (i) => `/claims/${claim(i)}/history`, "session"],
    ["GET /timeline", () => "/timeline", "session"],
    ["GET /sources/:id", (i) => `/sources/${source(i)}`, "session"],
    ["GET /entities/:id", (i) => `/entities/${entity(i)}`, "session"],
    ["GET /api/claims", () => "/api/claims", "token"],
    ["GET /stories/:id", () => `/stories/${ids.desk.storyId}`, "session"],
    ["GET /claims?story=ID", () => `/claims?story=${ids.desk.storyId}`, "session"],
    ["GET /claims?assignee=ID", () => `/claims?assignee=${ids.desk.assigneeId}&state=open`, "session"],
    ["GET /claims?assignee=none", () => "/claims?assignee=none", "session"],
    ["GET /inbox", () => "/inbox", "session"],
    ["GET /api/inbox", () => "/api/inbox", "token"],
  ];
}

export async function pageCases(
  db: Db,
  url: string,
  ids: Ids,
  user: { email: string; password: string },
  token: string,
  run: (name: string, work: (i: number) => Promise<unknown>) => Promise<unknown>,
  api: (get: (path: string) => Promise<unknown>) => Promise<void>,
): Promise<string[]> {
  // production: templates compiled once, as served; in test mode EJS recompiles them on every request
  const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: url, SESSION_SECRET: "b".repeat(40), LOG_REQUESTS: "0" });
  const server = createApp({ db, config }).listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    const client = await httpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, user.email, user.password, token);
    for (const [name, path, auth] of pages(ids)) await run(`http ${name}`, (i) => client.get(path(i), auth));
    await api((path) => client.get(path, "token"));
    // the full walk of the chain, once (the endpoint allows a few an hour)
    const t0 = performance.now();
    const { events } = JSON.parse(await client.get("/api/audit/verify", "token")) as { events: number };
    const seconds = (performance.now() - t0) / 1000;
    return [
      `full GET /api/audit/verify: ${seconds.toFixed(2)} s for ${events.toLocaleString("en-US")} events (target < 5 s: ${seconds < 5 ? "met" : "MISSED"})`,
    ];
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}

/** The page targets: p95 at the largest size within 2× of the smallest, and under 50 ms. */
export function pageVerdicts(small: Map<string, Stats>, large: Map<string, Stats>, verdict: (ok: boolean) => string): string[] {
  return [...large.entries()]
    .filter(([name]) => name.startsWith("http "))
    .map(([name, big]) => {
      const base = small.get(name);
      const ratio = base ? big.p95 / base.p95 : NaN;
      const ok = big.p95 < 50 && !(ratio > 2);
      return `${name.slice(5).padEnd(24)} p95 ${big.p95.toFixed(1).padStart(7)} ms, ×${ratio.toFixed(2)} of the small ledger (targets < 50 ms and ≤ 2×: ${verdict(ok)})`;
    });
}
