// npm run bench [-- --sizes 1000,100000] [--iterations 200] [--engines sqlite,postgresql] [--queries "Ultraman,Pékin"] [--fresh] [--no-import] [--no-load]
//
// For each engine (SQLite, and PostgreSQL when its server can be started or
// BENCH_POSTGRES_URL names one: scripts/bench-engines.ts) and each size: a
// database of that many synthetic claims (built once, reused while it holds
// exactly that many), then the list,
// search, filters and claim page timed at the database layer, and the pages
// (the desk's among them) over HTTP against the app on an ephemeral loopback port; at the largest size, the
// import of its export (scripts/bench-import.ts). Sequential, bounded, and
// it stops by itself.

import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { listClaims } from "../src/claims/claims.list.ts";
import { getClaim } from "../src/claims/claims.query.ts";
import { listQuerySchema } from "../src/claims/claims.schema.ts";
import type { Db } from "../src/db.ts";
import { createUser, issueToken } from "../src/users/users.service.ts";
import { parse } from "../src/validation.ts";
import { fmt, measure, sideBySide, stats, table, type Budget, type Stats } from "./bench-lib.ts";
import { loadBench } from "./bench-load.ts";
import { deskFixture } from "./bench-desk.ts";
import { pageCases, pageVerdicts } from "./bench-pages.ts";
import { importBench } from "./bench-import.ts";
import { API_SEARCH, apiSearchCases, apiSearchVerdict } from "./bench-search.ts";
import { benchEngines, ENGINE_LABEL, type EngineName } from "./bench-engines.ts";
import { pick, seeded } from "./synthetic-text.ts";

const DATA = path.resolve(import.meta.dirname, "../data");
/** an alias, an accented word, a prefix, a phrase, a garbled name, two words */
const SEARCHES = ["Ultraman", "Pékin", "fusi", "conseil d'administration", "Amodai", "Réunion", "société Microsoft", "démission"];
// a throwaway account in the bench databases only
const BENCH_USER = { email: "bench@example.org", password: "bench-only password, not a secret" };

// The list's call site, the one place to follow listClaims/listQuerySchema as they change.
const list = (db: Db, query: Record<string, unknown>) => listClaims(db, parse(listQuerySchema, query));

const SEARCH = "db  search (rotating queries)";
const FILTERS = ["db  list status=rumored", "db  list entity=<id>", "db  list status=rumored&entity=<id>"];
const LIST_PAGE = "http GET /claims";

type Row = [string, Stats];

/** Runs one case and adds its row; the name goes to stderr first, so a slow case shows which it is. */
async function run(rows: Row[], budget: Budget, name: string, work: (i: number) => Promise<unknown>): Promise<number[]> {
  process.stderr.write(`  ${name}\n`);
  const samples = await measure(budget, work);
  rows.push([name, stats(samples)]);
  return samples;
}

async function dbCases(db: Db, budget: Budget, claimIds: number[], entityIds: number[], searches: string[]): Promise<Row[]> {
  const r = seeded(7);
  const rows: Row[] = [];
  await run(rows, budget, "db  list (newest first)", () => list(db, {}));
  const samples = await run(rows, budget, SEARCH, (i) => list(db, { q: searches[i % searches.length] }));
  // the same samples per query: sample k ran iteration warmup + k
  searches.forEach((q, j) => {
    const own = samples.filter((_, k) => (budget.warmup + k) % searches.length === j);
    if (own.length) rows.push([`      q=${q}`, stats(own)]);
  });
  const entity = (i: number) => entityIds[i % entityIds.length];
  await run(rows, budget, FILTERS[0]!, () => list(db, { status: "rumored" }));
  await run(rows, budget, FILTERS[1]!, (i) => list(db, { entity: entity(i) }));
  await run(rows, budget, FILTERS[2]!, (i) => list(db, { status: "rumored", entity: entity(i) }));
  await run(rows, budget, "db  getClaim(random id)", () => getClaim(db, pick(r, claimIds)));
  return rows;
}

/** The bench account and its token (created in the bench databases only). */
async function benchUser(db: Db) {
  const { email, password } = BENCH_USER;
  if (!(await db.user.findUnique({ where: { email } }))) await createUser(db, SYSTEM, { email, password, role: "viewer", name: "Benchmark" });
  return issueToken(db, SYSTEM, email);
}

const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

function summary(engine: EngineName, results: Map<number, Map<string, Stats>>, more: string[]) {
  const sizes = [...results.keys()].sort((a, b) => a - b);
  const small = results.get(sizes[0]!)!;
  const large = results.get(sizes[sizes.length - 1]!)!;
  const lines = [];
  if (sizes.length > 1) {
    const ratio = large.get(LIST_PAGE)!.p50 / small.get(LIST_PAGE)!.p50;
    lines.push(`list page (p50) at ${fmt(sizes[sizes.length - 1]!)} vs ${fmt(sizes[0]!)}: ×${ratio.toFixed(2)} (target ≤ 1.3: ${verdict(ratio <= 1.3)})`);
  }
  lines.push(apiSearchVerdict(large.get(API_SEARCH)!, fmt(sizes[sizes.length - 1]!)));
  const search = large.get(SEARCH)!.p95;
  lines.push(`search p95 at DB layer: ${search.toFixed(2)} ms (target < 20 ms: ${verdict(search < 20)})`);
  const [worst, filtered] = FILTERS.map((f) => [f, large.get(f)!.p95] as const).sort((a, b) => b[1] - a[1])[0]!;
  lines.push(`filtered list p95: ${filtered.toFixed(2)} ms, worst of the filters (${worst.trim()}) (target < 20 ms: ${verdict(filtered < 20)})`);
  if (sizes.length > 1) lines.push("", `pages at ${fmt(sizes[sizes.length - 1]!)} against ${fmt(sizes[0]!)} claims:`, ...pageVerdicts(small, large, verdict));
  // the machine is shared: figures are only comparable beside its load
  lines.push(
    `load average (1, 5, 15 min) at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
  console.log(`\n== ${ENGINE_LABEL[engine]} at ${fmt(sizes[sizes.length - 1]!)} claims ==\n${[...lines, ...more].join("\n")}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      iterations: { type: "string" },
      queries: { type: "string" },
      engines: { type: "string" },
      fresh: { type: "boolean" },
      "no-import": { type: "boolean" },
      "no-load": { type: "boolean" },
    },
  });
  const searches = values.queries ? values.queries.split(",").filter(Boolean) : SEARCHES;
  const sizes = (values.sizes ?? "1000,100000").split(",").map((s) => Number(s.replace(/_/g, "")));
  const iterations = Number(values.iterations ?? 200);
  const asked = values.engines ? values.engines.split(",").filter(Boolean) : null;
  if (
    sizes.some((s) => !Number.isSafeInteger(s) || s < 1) ||
    !Number.isSafeInteger(iterations) ||
    iterations < 1 ||
    !searches.length ||
    asked?.some((e) => !(e in ENGINE_LABEL)) ||
    asked?.length === 0
  ) {
    console.error(
      'usage: npm run bench -- [--sizes 1000,100000] [--iterations 200] [--engines sqlite,postgresql] [--queries "Ultraman,Pékin"] [--fresh] [--no-import] [--no-load]',
    );
    process.exit(2);
  }
  const budget: Budget = { iterations, warmup: 20, maxMs: 30_000 };
  const engines = await benchEngines(DATA, asked as EngineName[] | null);
  const stop = () => engines.stop();
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  if (engines.postgres) console.log(`PostgreSQL: ${engines.postgres}`);
  const all = new Map<EngineName, Map<number, Map<string, Stats>>>();
  try {
    for (const engine of engines.names) {
      const label = ENGINE_LABEL[engine];
      const results = new Map<number, Map<string, Stats>>();
      all.set(engine, results);
      const largest = Math.max(...sizes);
      let importLines: string[] = [];
      for (const size of sizes) {
        process.stderr.write(`${label}, ${fmt(size)} claims\n`);
        const { url, db, where } = await engines.open(engine, size, values.fresh ?? false);
        try {
          const claimIds = (await db.claim.findMany({ select: { id: true } })).map((c) => c.id);
          const altman = await db.entity.findFirst({ where: { name: "Sam Altman" }, select: { id: true } });
          const entities = (await db.entity.findMany({ select: { id: true } })).map((e) => e.id);
          const r = seeded(size);
          // the most cited person and a few others, most of them rarely cited
          const entityIds = [...(altman ? [altman.id] : []), ...Array.from({ length: 5 }, () => pick(r, entities))];
          const rows = await dbCases(db, budget, claimIds, entityIds, searches);
          const token = await benchUser(db);
          const { id: benchId } = await db.user.findUniqueOrThrow({ where: { email: BENCH_USER.email } });
          const ids = {
            claims: claimIds,
            sources: (await db.source.findMany({ select: { id: true } })).map((s) => s.id),
            entities,
            desk: await deskFixture(db, benchId),
          };
          await engines.settle(engine, url);
          const verify = await pageCases(
            db,
            url,
            ids,
            BENCH_USER,
            token,
            (name, work) => run(rows, budget, name, work),
            async (get) => {
              rows.push(...(await apiSearchCases(get, budget)));
            },
          );
          console.log(`\n== ${label}, ${fmt(size)} claims (${where}) ==\n${table(rows)}\n${verify.join("\n")}`);
          if (!values["no-load"]) {
            process.stderr.write("  under load\n");
            const load = await loadBench(url, claimIds, BENCH_USER, await benchUser(db), 3390);
            console.log(`\nunder load, ${label}, ${fmt(size)} claims:\n${load.lines.join("\n")}`);
          }
          results.set(size, new Map(rows));
          if (size === largest && !values["no-import"]) {
            // the import's figures are SQLite's: its target database is a file (scripts/bench-import.ts)
            importLines = engine === "sqlite" ? await importBench(db, size, DATA) : ["import: measured on SQLite only"];
          }
        } finally {
          await db.$disconnect();
        }
      }
      summary(engine, results, importLines);
    }
    if (all.size > 1)
      console.log(
        `\n== ${[...all.keys()].map((e) => ENGINE_LABEL[e]).join(" vs ")} ==\n${sideBySide(new Map([...all].map(([e, r]) => [ENGINE_LABEL[e], r])))}`,
      );
  } finally {
    stop();
  }
}

await main();
