// The search section of `npm run bench`: issue 10's realistic queries,
// through the API as a client sends them, in rotation, so that every query
// gets the same share of the samples.

import { measure, stats, type Budget, type Stats } from "./bench-lib.ts";

/**
 * Words found in most of the synthetic ledger ("société", "selon des
 * sources", "conseil d'administration"), names and aliases of the article's
 * people and of generated ones, garbled names, word beginnings, places,
 * and two-word queries mixing them.
 */
export const API_SEARCHES = [
  "société",
  "selon des sources",
  "conseil d'administration",
  "fusion",
  "démission",
  "levée de fonds",
  "chief executive",
  "Sam Altman",
  "Ultraman",
  "Dario Amodei",
  "Amodaiyi",
  "Mitt Hill",
  "Microsoft",
  "OpenAI",
  "Hélios",
  "Lefèvre",
  "Pékin",
  "Réunion",
  "fusi",
  "Amodai",
  "société Microsoft",
  "Ultraman démission",
  "Nadella fusion",
  "heure de Pékin",
];

export const API_SEARCH = `http GET /api/claims?q=… (${API_SEARCHES.length} queries)`;
const TARGET = { p50: 15, p95: 50 };

/** The rotation's row, then one row per query (sample k ran query (warmup + k) mod n). */
export async function apiSearchCases(get: (path: string) => Promise<unknown>, budget: Budget): Promise<[string, Stats][]> {
  process.stderr.write(`  ${API_SEARCH}\n`);
  const n = API_SEARCHES.length;
  const samples = await measure(budget, (i) => get(`/api/claims?q=${encodeURIComponent(API_SEARCHES[i % n]!)}`));
  const own = (j: number) => samples.filter((_, k) => (budget.warmup + k) % n === j);
  return [[API_SEARCH, stats(samples)], ...API_SEARCHES.flatMap((q, j): [string, Stats][] => (own(j).length ? [[`      q=${q}`, stats(own(j))]] : []))];
}

/** The summary's line: the rotation's p50 and p95 beside issue 10's targets. */
export function apiSearchVerdict(s: Stats, size: string): string {
  const met = s.p50 <= TARGET.p50 && s.p95 <= TARGET.p95;
  return `search through the API at ${size} claims: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms (targets p50 ≤ ${TARGET.p50} ms, p95 ≤ ${TARGET.p95} ms: ${met ? "met" : "MISSED"})`;
}
