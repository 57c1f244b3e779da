import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyChain } from "../src/audit/audit.service.ts";
import { openDatabase, type Db } from "../src/db.ts";
import { csvLine, CsvSyntaxError, parseCsv, protectCell, unprotectCell } from "../src/transfer/csv.ts";
import { IMPORT, importLedger, InvalidImport, type ImportCounts } from "../src/transfer/import.service.ts";
import { textChunks } from "../src/transfer/import.read.ts";
import { CSV_COLUMNS, type CsvColumn } from "../src/transfer/transfer.schema.ts";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";
import { content } from "./helpers/ledger.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string };

const post = async (path: string, body: Record<string, unknown>, status = 201) =>
  (await editor.agent.post(`/api${path}`).set("x-csrf-token", editor.csrf).send(body).expect(status)).body as { id: number };

const TRICKY = 'He said "no", then left,\nquietly';
const FORMULA = '=HYPERLINK("https://evil.example","click")';

/** A small ledger made through the API: sources, entities with aliases, open and resolved claims with evidence. */
async function makeLedger() {
  const board = await post("/sources", {
    title: "OpenAI announces leadership transition",
    publisher: "OpenAI",
    author: "The board",
    url: "https://openai.com/blog/transition",
    publishedAt: "2023-11-17T20:28:00Z",
    kind: "official_statement",
    reliability: "reliable",
    notes: "The board's post.",
  });
  const verge = await post("/sources", { title: 'Altman out, says, "The Verge"', publisher: "The Verge", kind: "news_report", reliability: "mixed" });
  await post("/sources", { title: "An unused source", kind: "other" });
  const altman = await post("/entities", { name: "Sam Altman", kind: "person", description: "CEO.", aliases: ["Ultraman", "Altman"] });
  const openai = await post("/entities", { name: "OpenAI", kind: "organization", aliases: [] });
  await post("/entities", { name: "Emmett Shear", kind: "person", aliases: ["Hill", "Mitt Hill"] });

  const fired = await post("/claims", {
    statement: "The board removed Sam Altman as CEO.",
    context: "Announced on the blog.",
    confidence: 90,
    occurredAt: "2023-11-17T20:00:00Z",
    occurredAtText: "vendredi",
    firstReportedAt: "2023-11-17T20:28:00Z",
    entityIds: [altman.id, openai.id],
  });
  await post(`/claims/${fired.id}/evidence`, { sourceId: board.id, stance: "supports", quote: "« Mr. Altman's departure »" });
  await post(`/claims/${fired.id}/evidence`, { sourceId: verge.id, stance: "mentions", quote: "" });
  await post(`/claims/${fired.id}/resolution`, { outcome: "confirmed", note: "The board's own post.", sourceIds: [board.id] }, 200);

  const resigned = await post("/claims", {
    statement: "Altman resigned of his own accord.",
    confidence: 40,
    entityIds: [altman.id],
    occurredDate: "2023-11-16",
    occurredPrecision: "evening",
    occurredZone: "America/Los_Angeles",
  });
  await post(`/claims/${resigned.id}/evidence`, { sourceId: verge.id, stance: "refutes", quote: "He was fired." });
  await post(`/claims/${resigned.id}/resolution`, { outcome: "false", confidence: 5, note: "He was fired.", sourceIds: [verge.id] }, 200);

  const tricky = await post("/claims", { statement: TRICKY, status: "rumored", context: "-5 points, +3 more", occurredAtText: "@noon" });
  await post(`/claims/${tricky.id}/evidence`, { sourceId: verge.id, stance: "supports", quote: "'=already quoted" });
  await post("/claims", { statement: FORMULA, context: "" });
}

const counts = async (db: Db) => ({
  claims: await db.claim.count(),
  sources: await db.source.count(),
  entities: await db.entity.count(),
  evidence: await db.evidence.count(),
  events: await db.auditEvent.count(),
});

/** A CSV record of raw (already quoted) cells: the header's columns, blank but for `cells`. */
const csvRow = (cells: Partial<Record<CsvColumn, string>>) => CSV_COLUMNS.map((c) => cells[c] ?? "").join(",");
const CSV_HEADER = CSV_COLUMNS.join(",");

/** The problems an import refuses with (it must refuse). */
async function refused(db: Db, text: string, format: "json" | "csv"): Promise<string[]> {
  const err = await importLedger(db, textChunks(text), format, IMPORT).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidImport);
  return (err as InvalidImport).problems;
}

let exported: { json: string; csv: string };

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor");
  await makeLedger();
  const json = await editor.agent.get("/export/claims.json").expect(200);
  const csv = await editor.agent.get("/export/claims.csv").expect(200);
  exported = { json: json.text, csv: csv.text };
});
afterAll(() => t.close());

describe("CSV helpers", () => {
  it("parseCsv reads a BOM, CRLF and LF ends, quoted commas, doubled quotes and line breaks, and numbers each record by its first physical line", () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",\r\n"multi\nline\r\ncell",2,3\nlast,"",end';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", 'x, "y"', ""] },
      { line: 3, cells: ["multi\nline\r\ncell", "2", "3"] },
      { line: 6, cells: ["last", "", "end"] },
    ]);
  });

  it("parseCsv refuses a quoted field that is never closed, naming the line it opens on", () => {
    const err = (() => {
      try {
        parseCsv('a\nok\n"open\nnever closed');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CsvSyntaxError);
    expect((err as CsvSyntaxError).line).toBe(3);
  });

  it("csvLine quotes only what needs it and prefixes formula cells with ' that the import takes off again", () => {
    expect(csvLine(["plain", "a,b", 'say "hi"', "two\nlines", "=1+1", "-5", "+3", "@SUM(A1)", "'=quoted", "'plain"])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",\'=1+1,\'-5,\'+3,\'@SUM(A1),\'\'=quoted,\'plain\r\n',
    );
    for (const value of ["=1+1", "-5", "'=quoted", "''@x", "'plain", "plain", "\tTAB", ""]) expect(unprotectCell(protectCell(value))).toBe(value);
  });
});

describe("GET /export/claims.json and /export/claims.csv", () => {
  it("the JSON export is an attachment holding every claim, source and entity, with the file's format and version", async () => {
    const file = JSON.parse(exported.json);
    expect(file).toMatchObject({ format: "claimtrack-export", version: 1 });
    expect(Date.parse(file.exportedAt)).not.toBeNaN();
    expect(file.claims).toHaveLength(await t.db.claim.count());
    expect(file.sources).toHaveLength(3);
    expect(file.entities).toHaveLength(3);
    const fired = await t.db.claim.findFirstOrThrow({
      where: { statement: "The board removed Sam Altman as CEO." },
      include: { evidence: { orderBy: { id: "asc" } } },
    });
    const entityIds = (await t.db.entity.findMany({ where: { name: { in: ["Sam Altman", "OpenAI"] } }, orderBy: { id: "asc" } })).map((e) => e.id);
    expect(file.claims.find((c: { id: number }) => c.id === fired.id)).toEqual({
      id: fired.id,
      statement: "The board removed Sam Altman as CEO.",
      context: "Announced on the blog.",
      status: "confirmed",
      confidence: 90,
      occurredAt: "2023-11-17T20:00:00.000Z",
      occurredPrecision: "instant",
      occurredZone: "UTC",
      occurredAtText: "vendredi",
      firstReportedAt: "2023-11-17T20:28:00.000Z",
      resolutionNote: "The board's own post.",
      resolvedAt: fired.resolvedAt!.toISOString(),
      resolutionSourceIds: [fired.evidence[0]!.sourceId],
      entityIds,
      evidence: fired.evidence.map((e) => ({ sourceId: e.sourceId, stance: e.stance, quote: e.quote })),
    });
    expect(file.sources[0]).toEqual({
      id: expect.any(Number),
      title: "OpenAI announces leadership transition",
      publisher: "OpenAI",
      author: "The board",
      url: "https://openai.com/blog/transition",
      publishedAt: "2023-11-17T20:28:00.000Z",
      kind: "official_statement",
      reliability: "reliable",
      notes: "The board's post.",
    });
    expect(file.entities[0]).toEqual({ id: expect.any(Number), name: "Sam Altman", kind: "person", description: "CEO.", aliases: ["Ultraman", "Altman"] });
  });

  it("the JSON export's response is a JSON attachment that is never cached", async () => {
    const res = await editor.agent.get("/export/claims.json").expect(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename=claimtrack-\d{4}-\d{2}-\d{2}\.json$/);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("the CSV export is a CSV attachment", async () => {
    const res = await editor.agent.get("/export/claims.csv").expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename=claimtrack-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("the CSV export has the header, one record per claim, RFC 4180 quoting and formula cells prefixed with '", () => {
    expect(exported.csv.startsWith("\uFEFF" + CSV_COLUMNS.join(",") + "\r\n")).toBe(true);
    expect(exported.csv).toContain(`,"He said ""no"", then left,\nquietly",`);
    expect(exported.csv).toContain(`,"'=HYPERLINK(""https://evil.example"",""click"")",`);
    expect(exported.csv).toContain(`,"'-5 points, +3 more",`);
    expect(exported.csv).toContain(",rumored,50,,instant,UTC,'@noon,");
    expect(exported.csv).toContain(",false,5,2023-11-17T05:00:00.000Z,evening,America/Los_Angeles,,");
    const records = parseCsv(exported.csv);
    expect(records).toHaveLength(5);
    const row = (statement: string) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, records.find((r) => r.cells[1] === statement)!.cells[i]]));
    expect(row("The board removed Sam Altman as CEO.")).toMatchObject({
      status: "confirmed",
      confidence: "90",
      occurredAt: "2023-11-17T20:00:00.000Z",
      entities: "Sam Altman; OpenAI",
      sourceTitles: 'OpenAI announces leadership transition; Altman out, says, "The Verge"',
      sourceUrls: "https://openai.com/blog/transition",
    });
    expect(JSON.parse(row("The board removed Sam Altman as CEO.").evidence!)).toEqual([
      {
        sourceTitle: "OpenAI announces leadership transition",
        sourceUrl: "https://openai.com/blog/transition",
        stance: "supports",
        quote: "« Mr. Altman's departure »",
      },
      { sourceTitle: 'Altman out, says, "The Verge"', sourceUrl: null, stance: "mentions", quote: "" },
    ]);
  });

  it("a viewer may export; a visitor who is not signed in is sent to the login page", async () => {
    const viewer = await t.signIn("viewer");
    await viewer.agent.get("/export/claims.csv").expect(200);
    const res = await request(t.app).get("/export/claims.json").expect(302);
    expect(res.headers.location).toMatch(/^\/login/);
  });
});

describe("exports of the claims list's filters", () => {
  it("GET /export/claims.json?status=confirmed,false holds those claims and only the sources and entities they refer to, and imports on its own", async () => {
    const file = JSON.parse((await editor.agent.get("/export/claims.json?status=confirmed,false").expect(200)).text);
    expect(file.claims.map((c: { statement: string }) => c.statement).sort()).toEqual([
      "Altman resigned of his own accord.",
      "The board removed Sam Altman as CEO.",
    ]);
    expect(file.sources.map((s: { title: string }) => s.title).sort()).toEqual(['Altman out, says, "The Verge"', "OpenAI announces leadership transition"]);
    expect(file.entities.map((e: { name: string }) => e.name).sort()).toEqual(["OpenAI", "Sam Altman"]);
    const empty = await testApp();
    try {
      await importLedger(empty.db, textChunks(JSON.stringify(file)), "json", IMPORT);
      expect(await empty.db.claim.count()).toBe(2);
    } finally {
      await empty.close();
    }
  });

  it("GET /export/claims.csv?q=Ultraman holds the claims the same search lists, and ?status=rumored the rumored one", async () => {
    const listed = (await editor.agent.get("/api/claims?q=Ultraman&limit=100").expect(200)).body.items.map((c: { statement: string }) => c.statement).sort();
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.length).toBeLessThan(await t.db.claim.count());
    // the first record is the header
    const searched = parseCsv((await editor.agent.get("/export/claims.csv?q=Ultraman").expect(200)).text).slice(1);
    expect(searched.map((r) => r.cells[1]).sort()).toEqual(listed);
    const rumored = parseCsv((await editor.agent.get("/export/claims.csv?status=rumored&sort=confidence&limit=1").expect(200)).text).slice(1);
    expect(rumored.map((r) => r.cells[1])).toEqual([TRICKY]);
  });

  it("an export with a filter that does not parse answers 422 with the field's message, and sends no file", async () => {
    const res = await editor.agent.get("/export/claims.json?status=bogus").expect(422);
    expect(res.body.error.fields.status).toMatch(/^Status must be one of/);
    expect(res.headers["content-disposition"]).toBeUndefined();
  });

  it("the claims list links to the CSV and JSON exports of its current filter, without its page or sort", async () => {
    const page = await editor.agent.get("/claims?status=rumored&q=said&sort=oldest&limit=2").expect(200);
    expect(page.text).toContain('href="/export/claims.csv?status=rumored&amp;q=said"');
    expect(page.text).toContain('href="/export/claims.json?status=rumored&amp;q=said"');
    expect((await editor.agent.get("/claims").expect(200)).text).toContain('href="/export/claims.csv"');
  });
});

describe("importLedger", () => {
  it("a JSON export imported into an empty database reproduces the claims, sources, evidence and entities, audited as import", async () => {
    const target = await testApp();
    try {
      const result = await importLedger(target.db, textChunks(exported.json), "json", IMPORT, { origin: "ledger.json" });
      expect(result).toEqual<ImportCounts>({ claims: 4, sources: 3, entities: 3, evidence: 4 });
      expect(await content(target.db)).toEqual(await content(t.db));
      const actors = await target.db.auditEvent.groupBy({ by: ["actorLabel"], _count: true });
      expect(actors.map((a) => a.actorLabel)).toEqual(["import"]);
      const run = await target.db.auditEvent.findFirstOrThrow({ where: { action: "import.run" } });
      expect(JSON.parse(run.changes)).toEqual({ claims: [null, 4], sources: [null, 3], entities: [null, 3], evidence: [null, 4] });
      expect(run.reason).toBe("Imported from ledger.json");
      expect(await target.db.auditEvent.count({ where: { action: "claim.resolve" } })).toBe(2);
      expect((await verifyChain(target.db)).ok).toBe(true);

      // a second import adds the ledger again, beside the first
      await importLedger(target.db, textChunks(exported.json), "json", IMPORT);
      expect(await counts(target.db)).toMatchObject({ claims: 8, sources: 6, entities: 6, evidence: 8 });
    } finally {
      await target.close();
    }
  });

  it("a CSV export imported into an empty database reproduces the claims with their sources by title and URL and entities by name", async () => {
    const target = await testApp();
    try {
      const result = await importLedger(target.db, textChunks(exported.csv), "csv", IMPORT);
      expect(result).toEqual<ImportCounts>({ claims: 4, sources: 2, entities: 2, evidence: 4 });
      expect(await content(target.db, true)).toEqual(await content(t.db, true));
      expect(await target.db.claim.findFirst({ where: { statement: FORMULA } })).not.toBeNull();
    } finally {
      await target.close();
    }
  });

  it("a JSON or CSV export without the time's precision and zone (written before they existed) imports its times as instants in UTC", async () => {
    const file = JSON.parse(exported.json);
    for (const c of file.claims) {
      delete c.occurredPrecision;
      delete c.occurredZone;
    }
    const keep = CSV_COLUMNS.flatMap((c, i) => (c === "occurredPrecision" || c === "occurredZone" ? [] : [i]));
    const oldCsv = parseCsv(exported.csv)
      .map((r) => csvLine(keep.map((i) => r.cells[i]!)))
      .join("");
    for (const [text, format] of [
      [JSON.stringify(file), "json"],
      [oldCsv, "csv"],
    ] as const) {
      const target = await testApp();
      try {
        expect((await importLedger(target.db, textChunks(text), format, IMPORT)).claims, format).toBe(4);
        const resigned = await target.db.claim.findFirstOrThrow({ where: { statement: "Altman resigned of his own accord." } });
        expect(resigned, format).toMatchObject({ occurredAt: new Date("2023-11-17T05:00:00Z"), occurredPrecision: "instant", occurredZone: "UTC" });
      } finally {
        await target.close();
      }
    }
  });

  it("an imported claim's precision and zone are checked like the API's: an unknown zone names the record and the field", async () => {
    const file = JSON.parse(exported.json);
    file.claims[0].occurredZone = "Mars/Olympus_Mons";
    const problems = await refused(t.db, JSON.stringify(file, null, 0), "json");
    expect(problems).toEqual([expect.stringMatching(/^line 1, claims\[0\]\.occurredZone: “Mars\/Olympus_Mons” is not a time zone/)]);
  });

  it("a CSV with a confidence of 140 on physical line 4 (after a two-line row) writes nothing and names line 4", async () => {
    const row = (statement: string, confidence: string) => csvRow({ statement, status: "unverified", confidence });
    const text = [CSV_HEADER, row('"Two\nlines"', "50"), row("Line four", "140"), row("Fine", "10")].join("\r\n");
    const before = await counts(t.db);
    expect(await refused(t.db, text, "csv")).toEqual(["line 4, confidence: Confidence must be from 0 to 100."]);
    expect(await counts(t.db)).toEqual(before);
  });

  it("a CSV with a missing column, or a resolved row without a note, is refused with the line named", async () => {
    const missing = await refused(t.db, "statement,status\nA claim,unverified\n", "csv");
    expect(missing[0]).toMatch(/^line 1: Missing columns: id, context, confidence/);
    const text = `${CSV_HEADER}\n${csvRow({ statement: "Settled", status: "confirmed", confidence: "90" })}\n`;
    expect(await refused(t.db, text, "csv")).toEqual([
      "line 2, resolutionNote: A resolved claim needs its resolution note.",
      "line 2, evidence: A resolved claim needs a source to cite: the import resolves it citing its resolution's sources (resolutionSourceIds, or resolutionSources in a CSV), or, when the file has none, its evidence sources.",
    ]);
  });

  it("a JSON claim citing a source the file lacks writes nothing and names the record, its field and its line", async () => {
    const file = JSON.parse(exported.json);
    file.claims[2].evidence[0].sourceId = 9999;
    file.claims[1].confidence = 140;
    file.entities[1].kind = "animal";
    const text = JSON.stringify(file, null, 2);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;
    const before = await counts(t.db);
    expect(await refused(t.db, text, "json")).toEqual([
      `line ${lineOf('"name": "OpenAI"') - 2}, entities[1].kind: Kind must be person or organization.`,
      `line ${lineOf(`"id": ${file.claims[1].id},`) - 1}, claims[1].confidence: Confidence must be from 0 to 100.`,
      `line ${lineOf(`"id": ${file.claims[2].id},`) - 1}, claims[2].evidence[0].sourceId: No source in the file has the id 9999.`,
    ]);
    expect(await counts(t.db)).toEqual(before);
  });

  it("a file the services refuse midway (a resolution citing 101 sources) is rolled back whole", async () => {
    const sources = Array.from({ length: 101 }, (_, i) => ({ id: i + 1, title: `S${i}` }));
    const claim = {
      id: 1,
      statement: "Many sources.",
      status: "confirmed",
      resolutionNote: "All agree.",
      evidence: sources.map((s) => ({ sourceId: s.id, stance: "supports" })),
    };
    const text = JSON.stringify({ format: "claimtrack-export", version: 1, claims: [claim], sources, entities: [] });
    const before = await counts(t.db);
    expect(await refused(t.db, text, "json")).toEqual(["line 1, claims[0].sourceIds: At most 100 items."]);
    expect(await counts(t.db)).toEqual(before);
  });

  it("a claim whose statement is too long is refused with its length, the values filled in", async () => {
    const claim = { id: 1, statement: "s".repeat(1001), status: "rumored" };
    const text = JSON.stringify({ format: "claimtrack-export", version: 1, claims: [claim], sources: [], entities: [] });
    expect(await refused(t.db, text, "json")).toEqual(["line 1, claims[0].statement: At most 1,000 characters; this has 1,001."]);
  });

  it("a file that is not JSON, or not an export, is refused", async () => {
    expect((await refused(t.db, '{\n"format": "claimtrack-export",\n"version": 1 x', "json"))[0]).toMatch(/^line 3: The file is not valid JSON/);
    expect(await refused(t.db, JSON.stringify({ format: "other", version: 2, claims: [], sources: [], entities: [] }), "json")).toEqual([
      'line 1, format: Not a Claimtrack export: "format" must be "claimtrack-export".',
      "line 1, version: This Claimtrack reads export version 1.",
    ]);
  });

  it("a dry run checks the file and writes nothing; progress is reported every 500 records and at the end", async () => {
    const before = await counts(t.db);
    expect(await importLedger(t.db, textChunks(exported.json), "json", IMPORT, { dryRun: true })).toEqual({ claims: 4, sources: 3, entities: 3, evidence: 4 });
    expect(await counts(t.db)).toEqual(before);

    const target = await testApp();
    try {
      const claims = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, statement: `Claim ${i}` }));
      const file = { format: "claimtrack-export", version: 1, claims, sources: [{ id: 1, title: "S" }], entities: [{ id: 1, name: "E", kind: "person" }] };
      const seen: [number, number][] = [];
      await importLedger(target.db, textChunks(JSON.stringify(file)), "json", IMPORT, { onProgress: (done, total) => seen.push([done, total]) });
      expect(seen).toEqual([
        [500, 502],
        [502, 502],
      ]);
      expect(await target.db.claim.count()).toBe(500);
    } finally {
      await target.close();
    }
  });
});

describe("npm run import", () => {
  const ROOT = path.resolve(import.meta.dirname, "..");
  const TSX = path.join(ROOT, "node_modules/.bin/tsx");
  const dir = inject("tmpDir");
  const DB_FILE = path.join(dir, `import-${randomUUID()}.db`);
  let db: Db;

  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        TSX,
        ["src/transfer/import.cli.ts", ...args],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: `file:${DB_FILE}`, SESSION_SECRET: "s".repeat(40) },
          timeout: 30_000,
        },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const file = (name: string, text: string) => {
    const p = path.join(dir, `${randomUUID()}-${name}`);
    writeFileSync(p, text);
    return p;
  };

  beforeAll(async () => {
    copyFileSync(path.join(dir, "template.db"), DB_FILE);
    db = await openDatabase(`file:${DB_FILE}`);
  });
  afterAll(async () => {
    await db?.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(DB_FILE + suffix, { force: true });
  });

  it("imports a JSON export, prints progress on stderr and a summary, and exits 0; --dry-run writes nothing", async () => {
    const json = file("ledger.json", exported.json);
    const dry = await cli([json, "--dry-run"]);
    expect(dry, dry.stderr).toMatchObject({ code: 0 });
    expect(dry.stdout).toContain("is valid: 4 claims, 3 sources, 3 people and organisations, 4 evidence links. Nothing was written (--dry-run).");
    expect(await db.claim.count()).toBe(0);

    const res = await cli([json]);
    expect(res, res.stderr).toMatchObject({ code: 0 });
    expect(res.stderr).toContain("\rImporting records: 10/10\n");
    expect(res.stdout).toContain("Imported 4 claims, 3 sources, 3 people and organisations, 4 evidence links from");
    expect(await counts(db)).toMatchObject({ claims: 4, sources: 3, entities: 3, evidence: 4 });
    expect(await content(db)).toEqual(await content(t.db));
  });

  it("exits 1 with line-numbered messages for a bad CSV and writes nothing; 2 for a missing file or no argument", async () => {
    const before = await counts(db);
    const rows = [csvRow({ statement: "Fine", status: "unverified", confidence: "10" }), csvRow({ statement: "Bad", status: "maybe", confidence: "140" })];
    const bad = file("bad.csv", [CSV_HEADER, ...rows, ""].join("\n"));
    const res = await cli([bad]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("The file has 2 problems; nothing was imported.");
    expect(res.stderr).toContain("  line 3, status: Status must be one of: unverified, rumored, confirmed, false, inconclusive.");
    expect(res.stderr).toContain("  line 3, confidence: Confidence must be from 0 to 100.");
    expect(await counts(db)).toEqual(before);

    for (const args of [[], [path.join(dir, "no-such-file.json")]]) {
      const misuse = await cli(args);
      expect(misuse.code, args.join(" ")).toBe(2);
      expect(misuse.stderr).toContain("Usage: npm run import -- FILE [--dry-run]");
    }
  });
});
