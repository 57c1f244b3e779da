import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import request from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { STATUSES, STATUS_LABELS, type Status } from "../src/claims/status.ts";
import { createClaim, resolveClaim } from "../src/claims/claims.service.ts";
import { createSource } from "../src/sources/sources.service.ts";
import { ageInWords, seriesFromDeltas } from "../src/dashboard/dashboard.query.ts";
import { RUMORED_BG, STATUS_COLOURS, escapeXml, statusChart } from "../src/dashboard/status-chart.ts";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";
import { translator } from "../src/i18n/i18n.ts";

const DAY = 24 * 60 * 60 * 1000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const zero = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** A section of the home page by its heading id, up to the next section. */
const section = (html: string, id: string) => html.split(`aria-labelledby="${id}"`)[1]!.split("</section>")[0]!;

/** The status cards as status → number. */
function cards(html: string): Record<string, number> {
  const found = [
    ...html.matchAll(
      /<a class="status-card" href="\/claims\?status=(\w+)">\s*<span class="badge badge-\1"[^>]*>([^<]+)<\/span>\s*<span class="status-card-count">(\d+)<\/span>/g,
    ),
  ];
  expect(found.map((m) => m[2])).toEqual(STATUSES.map((s) => STATUS_LABELS[s]));
  return Object.fromEntries(found.map((m) => [m[1], Number(m[3])]));
}

/** The chart data table as day → counts in STATUSES order, then the total. */
function chartData(html: string): Map<string, number[]> {
  const table = html.split("<summary>Chart data</summary>")[1]!.split("</table>")[0]!;
  const rows = [...table.matchAll(/<th scope="row"><time datetime="([\d-]+)">[^<]+<\/time><\/th>((?:\s*<td>\d+<\/td>)+)/g)];
  return new Map(rows.map((r) => [r[1]!, [...r[2]!.matchAll(/<td>(\d+)<\/td>/g)].map((c) => Number(c[1]))]));
}

async function dbCounts(t: TestApp) {
  const counts = zero();
  for (const g of await t.db.claim.groupBy({ by: ["status"], _count: { _all: true } })) counts[g.status as Status] = g._count._all;
  return counts;
}

/** Runs work with the clock set back `ms`, as if it had happened then. */
async function earlier<T>(ms: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - ms });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

describe("GET / (the dashboard)", () => {
  let t: TestApp;
  let editor: { agent: Agent; csrf: string; email: string };

  const post = (path: string, body: Record<string, unknown>) => editor.agent.post(path).set("x-csrf-token", editor.csrf).send(body);
  const newClaim = async (body: Record<string, unknown> = {}) => {
    const statement = `${(body.statement as string | undefined) ?? "A claim"} [${randomUUID().slice(0, 8)}]`;
    const res = await post("/api/claims", { ...body, statement }).expect(201);
    return { id: (res.body as { id: number }).id, statement };
  };
  const resolve = async (id: number, outcome: string) => {
    const source = await post("/api/sources", { title: `OpenAI blog ${randomUUID().slice(0, 6)}` }).expect(201);
    await post(`/api/claims/${id}/resolution`, { outcome, note: "Confirmed on the record.", sourceIds: [(source.body as { id: number }).id] }).expect(200);
  };

  beforeAll(async () => {
    t = await testApp();
    editor = await t.signIn("editor");
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  it("is the home page after sign-in; without a session it sends to the login page", async () => {
    const res = await editor.agent.get("/").expect(200);
    expect(res.text).toContain("<h1>Dashboard</h1>");
    const anonymous = await request(t.app).get("/").expect(302);
    expect(anonymous.headers.location).toBe("/login?next=%2F");
  });

  it("shows a card per status, linking to the filtered list, with the database's counts", async () => {
    await newClaim({ status: "rumored" });
    await newClaim({ status: "unverified" });
    await resolve((await newClaim()).id, "false");
    const shown = cards((await editor.agent.get("/").expect(200)).text);
    expect(shown).toEqual(await dbCounts(t));
    expect(shown.false).toBeGreaterThan(0);
  });

  it("lists open rumors oldest first with their age in words, and links to all rumors", async () => {
    const old = await earlier(5 * 60 * 60 * 1000 + 60_000, () => createClaim(t.db, SYSTEM, { statement: "Altman may return as CEO.", status: "rumored" }));
    const fresh = await newClaim({ statement: "Microsoft offers to hire the staff.", status: "rumored" });
    const html = section((await editor.agent.get("/").expect(200)).text, "rumors-title");
    const ids = [...html.matchAll(/href="\/claims\/(\d+)"/g)].map((m) => Number(m[1]));
    const expected = await t.db.claim.findMany({
      where: { status: "rumored" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 10,
      select: { id: true },
    });
    expect(ids).toEqual(expected.map((c) => c.id));
    expect(ids.indexOf(old.id)).toBeLessThan(ids.indexOf(fresh.id));
    expect(html).toMatch(new RegExp(`href="/claims/${old.id}">Altman may return as CEO.</a>\\s*<span class="muted nowrap">open <time[^>]*>5 hours</time>`));
    expect(html).toMatch(new RegExp(`href="/claims/${fresh.id}">[^<]+</a>\\s*<span class="muted nowrap">open <time[^>]*>less than a minute</time>`));
    expect(html).toContain(`<a href="/claims?status=rumored">All rumors</a> <span class="count">(${(await dbCounts(t)).rumored})</span>`);
  });

  it("lists the latest resolved claim first, with its outcome badge and resolution date", async () => {
    const c = await newClaim({ statement: "Emmett Shear is interim CEO." });
    await resolve(c.id, "confirmed");
    const resolvedAt = (await t.db.claim.findUniqueOrThrow({ where: { id: c.id } })).resolvedAt!;
    const html = section((await editor.agent.get("/").expect(200)).text, "resolved-title");
    const first = html.split("<li>")[1]!;
    expect(first).toContain('class="badge badge-confirmed"');
    expect(first).toContain(`<a href="/claims/${c.id}">${c.statement}</a>`);
    expect(first).toContain(`resolved <time datetime="${resolvedAt.toISOString()}">`);
  });

  it("shows the latest ten audit events, newest first: when, who (by name), what and a link to the record", async () => {
    const c = await newClaim();
    await resolve(c.id, "inconclusive");
    const html = section((await editor.agent.get("/").expect(200)).text, "activity-title");
    const rows = html.split("<tr>").slice(2);
    const latest = await t.db.auditEvent.findMany({ orderBy: { id: "desc" }, take: 10 });
    expect(rows).toHaveLength(10);
    rows.forEach((row, i) => expect(row).toContain(`datetime="${latest[i]!.createdAt.toISOString()}"`));
    // who by the name the account has now, not the e-mail the event recorded
    const { name } = await t.db.user.findUniqueOrThrow({ where: { email: editor.email } });
    expect(rows[0]).toContain(`<td>${name}</td>`);
    expect(rows[0]).not.toContain(editor.email);
    expect(rows[0]).toContain("<td>Claim resolved</td>");
    expect(rows[0]).toContain(`<a href="/claims/${c.id}">Claim #${c.id}</a>`);
    expect(html).toContain('<a href="/audit">Full audit log</a>');
  });

  it("draws the status chart as an SVG image with a title, description, legend and a data table whose last day matches the database", async () => {
    await newClaim({ status: "rumored" });
    const page = (await editor.agent.get("/").expect(200)).text;
    const svg = page.split("<svg")[1]!.split("</svg>")[0]!;
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="status-chart-title status-chart-desc"');
    expect(svg).toContain('<title id="status-chart-title">Claims by status at the end of each day (UTC)</title>');
    expect(svg).toMatch(/<desc id="status-chart-desc">[^<]+<\/desc>/);
    for (const s of STATUSES) expect(svg).toContain(`>${STATUS_LABELS[s]}</text>`);
    const today = chartData(page).get(utcDay(new Date()));
    const counts = await dbCounts(t);
    expect(today).toEqual([...STATUSES.map((s) => counts[s]), STATUSES.reduce((a, s) => a + counts[s], 0)]);
  });

  it("lets a viewer see the dashboard without the new-claim button", async () => {
    const viewer = await t.signIn("viewer");
    const res = await viewer.agent.get("/").expect(200);
    expect(res.text).toContain('id="counts-title"');
    expect(res.text).not.toContain('href="/claims/new"');
    expect((await editor.agent.get("/").expect(200)).text).toContain('href="/claims/new"');
  });
});

describe("the status chart on a fresh database", () => {
  let t: TestApp;
  let editor: { agent: Agent; csrf: string };
  beforeAll(async () => {
    t = await testApp();
    editor = await t.signIn("editor");
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  it("with no claims shows an empty state instead of the chart", async () => {
    const res = await editor.agent.get("/").expect(200);
    expect(res.text).not.toContain("<svg");
    expect(section(res.text, "chart-title")).toContain("No claim activity yet.");
  });

  it("three claims created and one resolved today read as 2 unverified and 1 confirmed", async () => {
    const ids: number[] = [];
    for (const statement of ["One", "Two", "Three"]) {
      ids.push(((await editor.agent.post("/api/claims").set("x-csrf-token", editor.csrf).send({ statement }).expect(201)).body as { id: number }).id);
    }
    const source = await editor.agent.post("/api/sources").set("x-csrf-token", editor.csrf).send({ title: "Board statement" }).expect(201);
    await editor.agent
      .post(`/api/claims/${ids[0]}/resolution`)
      .set("x-csrf-token", editor.csrf)
      .send({ outcome: "confirmed", note: "Stated by the board.", sourceIds: [(source.body as { id: number }).id] })
      .expect(200);
    const data = chartData((await editor.agent.get("/").expect(200)).text);
    expect([...data.keys()]).toEqual([utcDay(new Date())]);
    expect(data.get(utcDay(new Date()))).toEqual([2, 0, 1, 0, 0, 3]);
  });

  it("rebuilds earlier days from the audit log: a rumor from three days ago, resolved two days ago, carried to today", async () => {
    const source = await earlier(3 * DAY, () => createSource(t.db, SYSTEM, { title: "The Verge" }));
    const rumor = await earlier(3 * DAY, () => createClaim(t.db, SYSTEM, { statement: "Altman will return.", status: "rumored" }));
    await earlier(2 * DAY, () => resolveClaim(t.db, SYSTEM, rumor.id, { outcome: "confirmed", note: "He did.", sourceIds: [source.id] }));
    const page = (await editor.agent.get("/").expect(200)).text;
    const data = chartData(page);
    const day = (n: number) => utcDay(new Date(Date.now() - n * DAY));
    expect([...data.keys()]).toEqual([day(3), day(2), day(1), day(0)]);
    expect(data.get(day(3))).toEqual([0, 1, 0, 0, 0, 1]);
    expect(data.get(day(2))).toEqual([0, 0, 1, 0, 0, 1]);
    expect(data.get(day(1))).toEqual([0, 0, 1, 0, 0, 1]);
    expect(data.get(day(0))).toEqual([2, 0, 2, 0, 0, 4]);
    // four bars; today's has two segments
    expect(page.match(/<rect class="bar"/g)).toHaveLength(1 + 1 + 1 + 2);
  });
});

describe("seriesFromDeltas", () => {
  const counts = (c: Partial<Record<Status, number>>) => ({ ...zero(), ...c });

  it("spans at most 30 days ending today, starting from the totals before the span", () => {
    const series = seriesFromDeltas(
      [
        { day: "2023-09-01", status: "rumored", delta: 4 },
        { day: "2023-11-20", status: "rumored", delta: -1 },
        { day: "2023-11-20", status: "false", delta: 1 },
      ],
      "2023-11-30",
    );
    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ day: "2023-11-01", counts: counts({ rumored: 4 }) });
    expect(series.find((d) => d.day === "2023-11-19")!.counts).toEqual(counts({ rumored: 4 }));
    expect(series.at(-1)).toEqual({ day: "2023-11-30", counts: counts({ rumored: 3, false: 1 }) });
  });

  it("ends on the last day with activity when all of it is older than the span", () => {
    const series = seriesFromDeltas(
      [
        { day: "2023-11-18", status: "unverified", delta: 1 },
        { day: "2023-11-20", status: "unverified", delta: 2 },
      ],
      "2024-06-01",
    );
    expect(series.map((d) => d.day)).toEqual(["2023-11-18", "2023-11-19", "2023-11-20"]);
    expect(series.map((d) => d.counts.unverified)).toEqual([1, 1, 3]);
  });

  it("is empty when no claim ever had a status", () => {
    expect(seriesFromDeltas([], "2023-11-30")).toEqual([]);
  });
});

describe("ageInWords", () => {
  const now = new Date("2023-11-23T12:00:00Z");
  it.each([
    ["2023-11-23T11:59:30Z", "less than a minute"],
    ["2023-11-23T11:59:00Z", "1 minute"],
    ["2023-11-23T07:00:00Z", "5 hours"],
    ["2023-11-22T11:00:00Z", "1 day"],
    ["2023-11-20T12:00:00Z", "3 days"],
    ["2023-08-01T12:00:00Z", "3 months"],
    ["2020-11-01T12:00:00Z", "3 years"],
  ])("%s before %s reads as “%s”", (from, words) => {
    expect(String(ageInWords(new Date(from), now))).toBe(words);
  });
});

describe("statusChart", () => {
  const series = [
    { day: "2023-11-19", counts: { ...zero(), rumored: 2 } },
    { day: "2023-11-20", counts: { ...zero(), rumored: 1, confirmed: 1, false: 3 } },
  ];

  it("draws one rect per non-empty status per day, a legend naming every status, and the last day in its description", () => {
    const svg = statusChart(series, translator("en"));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(4);
    const legend = svg.split('<g class="legend">')[1]!.split('<g class="grid">')[0]!;
    expect(legend.match(/<rect /g)).toHaveLength(STATUSES.length);
    for (const s of STATUSES) expect(legend).toContain(`>${STATUS_LABELS[s]}</text>`);
    // rumored is striped in its badge colours, the others filled with theirs
    expect(svg).toMatch(/<rect class="bar"[^>]*fill="url\(#status-chart-rumored\)"/);
    for (const s of ["confirmed", "false"] as const) expect(svg).toMatch(new RegExp(`<rect class="bar"[^>]*fill="${STATUS_COLOURS[s]}"`));
    expect(svg).toContain("At the end of 20 November 2023: 0 unverified, 1 rumored, 1 confirmed, 3 false, 0 inconclusive (5 in all).");
    expect(svg).toContain(">19 Nov</text>");
    expect(svg).toContain(">20 Nov</text>");
  });

  it("draws an empty chart, not broken markup, for no days", () => {
    const svg = statusChart([], translator("en"));
    expect(svg).toContain('role="img"');
    expect(svg).not.toContain('class="bar"');
    expect(svg).toContain("No claim activity yet.");
  });

  it("escapes markup characters in any text it writes", () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  });

  it("uses the badge colours of public/app.css", () => {
    const css = readFileSync(new URL("../public/app.css", import.meta.url), "utf8");
    for (const s of STATUSES) expect(STATUS_COLOURS[s], s).toBe(new RegExp(`--${s}: (#[0-9a-f]{6});`).exec(css)?.[1]);
    expect(RUMORED_BG).toBe(/--rumored-bg: (#[0-9a-f]{6});/.exec(css)?.[1]);
  });
});
