// Throughput under load (issue 10, items 3, 4 and 6): the app and a bare
// Express + EJS server on the engine's plain driver (better-sqlite3 or pg:
// scripts/bench-baseline.ts) run as child processes on the same database;
// autocannon drives each route
// with 10 connections; the app's resident memory is sampled from /proc, and
// /healthz is timed while 10 connections search a word most claims contain.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { engineName } from "../src/db.ts";
import { fmt, httpClient, stats } from "./bench-lib.ts";
import { pick, seeded } from "./synthetic-text.ts";

const root = path.resolve(import.meta.dirname, "..");
const SECONDS = 5;
const CONNECTIONS = 10;

interface Child {
  process: ChildProcess;
  base: string;
}

/** Starts a server and waits until it says it listens (the app's "serving", the baseline's "ready"). */
async function start(args: string[], env: Record<string, string>, port: number): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((ready, fail) => {
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (/serving|ready/.test(said)) ready();
    });
    child.once("exit", (code) => fail(new Error(`bench: ${args[0]} exited with ${code}: ${said}`)));
  });
  return { process: child, base: `http://127.0.0.1:${port}` };
}

async function stop(child: Child) {
  child.process.kill("SIGTERM");
  await new Promise((done) => child.process.once("exit", done));
}

/**
 * Waits for the server's start-up walk of the whole audit chain (its
 * background job, in the primary process) to finish: the figures are of a
 * server at work, not of one still checking 352,000 events.
 */
async function chainChecked(url: string, since: number) {
  let fullAt: () => Promise<number | undefined>;
  let close: () => Promise<void>;
  if (engineName(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // the column holds UTC without a zone: its epoch is the instant's
    const sql = `SELECT extract(epoch FROM "fullAt")::float8 * 1000 AS ms FROM "AuditVerification" WHERE id = 1`;
    fullAt = async () => (await client.query<{ ms: number }>(sql)).rows[0]?.ms;
    close = () => client.end();
  } else {
    const db = new Database(url.slice("file:".length), { readonly: true });
    const row = db.prepare(`SELECT "fullAt" FROM "AuditVerification" WHERE id = 1`);
    fullAt = () => {
      const at = (row.get() as { fullAt: string } | undefined)?.fullAt;
      return Promise.resolve(at === undefined ? undefined : Date.parse(at));
    };
    close = () => Promise.resolve(void db.close());
  }
  try {
    const walked = async () => ((await fullAt()) ?? -Infinity) >= since;
    // a walk that never ends (a check that keeps failing) must not hang the bench: it says so and measures anyway
    const deadline = Date.now() + 120_000;
    while (!(await walked())) {
      if (Date.now() > deadline) return void console.error("bench: the server's start-up chain walk did not finish within 120 s; measuring anyway");
      await new Promise((wait) => setTimeout(wait, 200));
    }
  } finally {
    await close();
  }
}

const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);

/** The resident memory of a process and of each of its children (the workers), in MB; a process that just ended counts 0. */
function memory(pid: number): number[] {
  try {
    return [pid, ...childrenOf(pid)].map(rssMB);
  } catch {
    return [0];
  }
}

/** Requests a second over SECONDS at CONNECTIONS connections; a non-2xx answer stops the benchmark. */
async function rate(url: string, headers: Record<string, string>, paths?: () => string): Promise<number> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    ...(paths ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: paths() }) }] } : {}),
  });
  if (result.non2xx || result.errors) throw new Error(`bench: ${url} answered ${result.non2xx} non-2xx and ${result.errors} errors under load`);
  return result.requests.average;
}

export interface LoadFigures {
  lines: string[];
  ratios: Record<string, number>;
  rssMB: number;
  healthzMaxMs: number;
}

export async function loadBench(url: string, claimIds: number[], user: { email: string; password: string }, token: string, port: number): Promise<LoadFigures> {
  // one server process a core (the bare server has one: it is the yardstick of one process's work)
  const workers = availableParallelism();
  const env = {
    WORKERS: String(workers),
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: url,
    NODE_ENV: "production",
    SESSION_SECRET: "b".repeat(40),
    LOG_REQUESTS: "0",
  };
  const baseline = await start(["scripts/bench-baseline.ts", url, String(port + 1)], {}, port + 1);
  const bare = await rate(`${baseline.base}/claims`, {}).finally(() => stop(baseline));
  const started = Date.now();
  const app = await start(["src/server.ts"], env, port);
  await chainChecked(url, started);
  let peak = 0;
  let peakTotal = 0;
  const sampler = setInterval(() => {
    const each = memory(app.process.pid!);
    peak = Math.max(peak, ...each);
    peakTotal = Math.max(
      peakTotal,
      each.reduce((a, b) => a + b, 0),
    );
  }, 100);
  try {
    const client = await httpClient(app.base, user.email, user.password, token);
    const session = { cookie: client.cookie };
    const r = seeded(5);
    const routes: [string, string, Record<string, string>, (() => string) | undefined][] = [
      ["/claims", "/claims", session, undefined],
      ["/claims/:id", "/claims/1", session, () => `/claims/${pick(r, claimIds)}`],
      ["/api/claims", "/api/claims", { authorization: `Bearer ${token}` }, undefined],
    ];
    const lines = [
      `bare Express + ${engineName(url) === "postgresql" ? "pg" : "better-sqlite3"} + EJS list: ${fmt(Math.round(bare))} req/s (${CONNECTIONS} connections, ${SECONDS} s); the app with WORKERS=${workers}`,
    ];
    const ratios: Record<string, number> = {};
    for (const [name, first, headers, paths] of routes) {
      const rps = await rate(app.base + first, headers, paths);
      ratios[name] = rps / bare;
      lines.push(
        `${name}: ${fmt(Math.round(rps))} req/s, ×${ratios[name].toFixed(2)} of the bare server (target ≥ 0.5: ${rps / bare >= 0.5 ? "met" : "MISSED"})`,
      );
    }
    // a common word's search from 10 connections while one more client asks /healthz, one request at a time
    const searching = rate(`${app.base}/claims?q=soci%C3%A9t%C3%A9`, session);
    const waits: number[] = [];
    const until = Date.now() + (SECONDS - 1) * 1000;
    while (Date.now() < until) {
      const t0 = performance.now();
      await fetch(`${app.base}/healthz`).then((res) => res.arrayBuffer());
      waits.push(performance.now() - t0);
    }
    await searching;
    const healthzMaxMs = Math.max(...waits);
    lines.push(
      `/healthz while 10 connections search "société": max ${healthzMaxMs.toFixed(0)} ms over ${waits.length} requests (target < 50 ms: ${healthzMaxMs < 50 ? "met" : "MISSED"}); p50 ${stats(waits).p50.toFixed(1)} ms, p95 ${stats(waits).p95.toFixed(1)} ms`,
    );
    lines.push(
      `app resident memory under this load: peak ${peak.toFixed(0)} MB in one process (target < 250 MB: ${peak < 250 ? "met" : "MISSED"}), ${peakTotal.toFixed(0)} MB for all ${workers > 1 ? workers + 1 : 1}`,
    );
    return { lines, ratios, rssMB: peak, healthzMaxMs };
  } finally {
    clearInterval(sampler);
    await stop(app);
  }
}
