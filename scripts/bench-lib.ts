// The benchmark's measuring tools: a bounded timing loop, percentiles, a
// table, and a signed-in HTTP client made of plain fetch calls.

export interface Stats {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

export interface Budget {
  iterations: number;
  warmup: number;
  /** a case stops early, with fewer samples, once it has run this long (the warm-up, a quarter of it) */
  maxMs: number;
}

/** Milliseconds of each run of work(i), after the warm-up runs; never more than budget.iterations. */
export async function measure(budget: Budget, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
  const warm = process.hrtime.bigint();
  for (let i = 0; i < budget.warmup && elapsed(warm) < budget.maxMs / 4; i++) await work(i);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < budget.iterations; i++) {
    const t0 = process.hrtime.bigint();
    await work(budget.warmup + i);
    const t1 = process.hrtime.bigint();
    samples.push(Number(t1 - t0) / 1e6);
    if (elapsed(start) > budget.maxMs) break;
  }
  return samples;
}

/** Nearest-rank percentile of sorted samples; NaN when there are none. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean, n: sorted.length };
}

export const fmt = (x: number) => x.toLocaleString("en-US");

/** name | p50 ms | p95 ms | mean ms | n, aligned for a terminal. */
export function table(rows: [string, Stats][]): string {
  const width = Math.max(4, ...rows.map(([name]) => name.length));
  const num = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "-").padStart(9);
  const head = `${"name".padEnd(width)} | ${"p50 ms".padStart(9)} | ${"p95 ms".padStart(9)} | ${"mean ms".padStart(9)} | ${"n".padStart(4)}`;
  const lines = rows.map(([name, s]) => `${name.padEnd(width)} | ${num(s.p50)} | ${num(s.p95)} | ${num(s.mean)} | ${String(s.n).padStart(4)}`);
  return [head, "-".repeat(head.length), ...lines].join("\n");
}

/** The name=value pairs of a response's Set-Cookie headers, as a Cookie header. */
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** A client of the app at base: one signed-in session for pages, one bearer token for the API. */
export async function httpClient(base: string, email: string, password: string, token: string) {
  const form = await fetch(`${base}/login`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error("bench: no CSRF token on /login");
  const login = await fetch(`${base}/login`, {
    method: "POST",
    headers: { cookie: cookiesOf(form), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, _csrf: csrf }),
    redirect: "manual",
  });
  if (login.status !== 302) throw new Error(`bench: POST /login answered ${login.status}`);
  const cookie = cookiesOf(login) || cookiesOf(form);

  /** GET path, body read to the end; anything but a 200 stops the benchmark (a fast 404 is no measurement). */
  async function get(path: string, auth: "session" | "token") {
    const headers: Record<string, string> = auth === "session" ? { cookie } : { authorization: `Bearer ${token}` };
    const res = await fetch(base + path, { headers, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`bench: GET ${path} answered ${res.status}`);
    return body;
  }
  return { get, cookie, token };
}

/** The cases of every engine and size side by side, p50 / p95 in ms (a query's own rows left out). */
export function sideBySide(all: Map<string, Map<number, Map<string, Stats>>>): string {
  const columns = [...all].flatMap(([engine, sizes]) =>
    [...sizes.keys()].sort((a, b) => a - b).map((size) => ({ head: `${engine} ${fmt(size)}`, rows: sizes.get(size)! })),
  );
  const names = [...new Set(columns.flatMap((c) => [...c.rows.keys()]))].filter((n) => !n.startsWith(" "));
  const width = Math.max(4, ...names.map((n) => n.length));
  const cell = (s: Stats | undefined) => (s ? `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}` : "-");
  const colWidth = Math.max(17, ...columns.map((c) => c.head.length));
  const head = `${"p50 / p95 ms".padEnd(width)} | ${columns.map((c) => c.head.padStart(colWidth)).join(" | ")}`;
  const lines = names.map((n) => `${n.padEnd(width)} | ${columns.map((c) => cell(c.rows.get(n)).padStart(colWidth)).join(" | ")}`);
  return [head, "-".repeat(head.length), ...lines].join("\n");
}
