import { closeSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { databasePath, loadConfig } from "../config.ts";
import { COMMAND, openMigrated } from "../db.ts";
import { noteWriter } from "../sqlite/writer-note.ts";
import { N_ } from "../i18n/i18n.ts";
import { fileChunks } from "./import.read.ts";
import { Misuse, parseCli, runCli } from "../cli.ts";
import { IMPORT, InvalidImport, importLedger, type ImportFormat } from "./import.service.ts";

// Operators' import: npm run import -- FILE [--dry-run]. Records go through
// the same services (validation, audit) as the editors' forms.

const USAGE = `Usage: npm run import -- FILE [--dry-run]

  Adds the claims, sources, evidence, people and organisations in FILE to
  the ledger: a JSON export (GET /export/claims.json) or a CSV with the
  export's columns (GET /export/claims.csv), told apart by the extension
  (.json, .csv) or else by the content. All or nothing: one invalid record
  and nothing is written. Records are added, never merged with existing ones.

  --dry-run   check every record and write nothing

Exit status: 0 imported (or valid, with --dry-run); 1 the file has problems,
listed by line; 2 wrong arguments or a file that cannot be read.
The database is DATABASE_URL (default file:./data/claims.db); it is migrated first.`;

const SHOWN = 50;

/** By the extension, else by the first characters; reading them also tells that the file can be read. */
function formatOf(file: string): ImportFormat {
  let start: string;
  try {
    const fd = openSync(file, "r");
    const buffer = Buffer.alloc(256);
    start = buffer.subarray(0, readSync(fd, buffer)).toString("utf8");
    closeSync(fd);
  } catch (err) {
    throw new Misuse(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json" || ext === ".csv") return ext.slice(1) as ImportFormat;
  return start
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{")
    ? "json"
    : "csv";
}

const progress = (done: number, total: number) => process.stderr.write(`\rImporting records: ${done}/${total}${done === total ? "\n" : ""}`);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, { "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new Misuse(positionals.length ? "Give one file at a time." : "No file given.");
  const file = positionals[0]!;
  const format = formatOf(file);
  const dryRun = values["dry-run"] ?? false;

  const { databaseUrl } = loadConfig();
  const db = await openMigrated(databaseUrl, COMMAND);
  // while it holds the write lock, the server tells editors "an import is running"
  const dbFile = databasePath(databaseUrl);
  const done = dryRun || !dbFile ? () => {} : noteWriter(dbFile, N_("an import"));
  try {
    const n = await importLedger(db, fileChunks(file), format, IMPORT, { origin: path.basename(file), dryRun, onProgress: progress });
    const what = `${n.claims} claims, ${n.sources} sources, ${n.entities} people and organisations, ${n.evidence} evidence links`;
    console.log(
      dryRun ? `${file} is valid: ${what}. Nothing was written (--dry-run).` : `Imported ${what} from ${file}; the audit trail records them as "import".`,
    );
  } finally {
    done();
    await db.$disconnect();
  }
  return 0;
}

/** Import problems, one a line (the first SHOWN of them). */
function explain(err: unknown): boolean {
  if (!(err instanceof InvalidImport)) return false;
  console.error(`${err.message} Fix these and run it again:`);
  for (const p of err.problems.slice(0, SHOWN)) console.error(`  ${p}`);
  if (err.problems.length > SHOWN) console.error(`  … and ${err.problems.length - SHOWN} more.`);
  return true;
}

runCli(main, USAGE, explain);
