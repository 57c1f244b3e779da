import { inTransaction, type Db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { recordAudit, type Actor, type AuditInput } from "../audit/audit.service.ts";
import { csvRecords, jsonRecords, type Kind, type PlannedClaim, type Problem } from "./import.plan.ts";
import type { Chunks } from "./import.read.ts";
import { BulkWriter, type KeyedRecord } from "./import.write.ts";

export type ImportFormat = "json" | "csv";

/** Who the audit trail says made imported records. */
export const IMPORT: Actor = { id: null, label: "import", role: "admin" };

export interface ImportCounts {
  claims: number;
  sources: number;
  entities: number;
  evidence: number;
}

export interface ImportOptions {
  /** the file's name, for the audit trail's reason */
  origin?: string;
  /** check every record, write nothing */
  dryRun?: boolean;
  /** called every PROGRESS_EVERY records written (sources, entities, claims with their evidence), and at the end */
  onProgress?: (done: number, total: number) => void;
}

export const PROGRESS_EVERY = 500;

/** The file's problems, each "line N, where: what"; nothing was written. */
export class InvalidImport extends AppError {
  constructor(readonly problems: string[]) {
    super(422, "invalid_import", `The file has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was imported.`);
  }
}

const ORDER = ["sources", "entities", "claims"];

/** Problems in the order a reader fixes them: the file's own, then sources, entities and claims by place; as "line 15, claims[12].confidence: …". */
function describe(problems: Problem[]): string[] {
  const rank = (p: Problem) => {
    const m = /^(\w+)\[(\d+)\]/.exec(p.record);
    return m ? [1 + ORDER.indexOf(m[1]!), Number(m[2])] : [0, 0];
  };
  const sorted = problems.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r[0]! - b.r[0]! || a.r[1]! - b.r[1]! || a.i - b.i);
  return sorted.map(({ p }) => {
    const where = p.path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), p.record);
    return [p.line ? `line ${p.line}` : "", where].filter(Boolean).join(", ") + `: ${p.message}`;
  });
}

/** The audit trail's subject for an event about the ledger as a whole. */
const LEDGER: AuditInput["subjectType"] = "ledger";

const ALL: ReadonlySet<Kind> = new Set(["source", "entity", "claim"]);

/** The file's records of some kinds; a JSON file is read once for each set of kinds, a CSV gives each source and entity before its claims. */
const records = (format: ImportFormat, chunks: Chunks, problems: Problem[], kinds: ReadonlySet<Kind>) =>
  format === "json" ? jsonRecords(chunks, problems, kinds) : csvRecords(chunks, problems);

/** Records go in by batches of this many claims (or sources, or entities). */
const BATCH = 500;

/** The writing passes, inside the transaction: batches through the bulk path, ids mapped from the file's to the new ones. */
async function write(
  tx: Tx,
  actor: Actor,
  format: ImportFormat,
  chunks: Chunks,
  counts: ImportCounts,
  options: ImportOptions,
  fail: (p: Problem[]) => InvalidImport,
) {
  const writer = new BulkWriter(tx, actor, fail);
  const total = counts.sources + counts.entities + counts.claims;
  let done = 0;
  const pending = { source: [] as KeyedRecord[], entity: [] as KeyedRecord[], claim: [] as PlannedClaim[] };
  const flush = async () => {
    const n = pending.source.length + pending.entity.length + pending.claim.length;
    if (pending.source.length) await writer.sources(pending.source.splice(0));
    if (pending.entity.length) await writer.entities(pending.entity.splice(0));
    if (pending.claim.length) await writer.claims(pending.claim.splice(0));
    for (let i = 0; i < n; i++) if (++done % PROGRESS_EVERY === 0 || done === total) options.onProgress?.(done, total);
  };
  const passes: ReadonlySet<Kind>[] = format === "json" ? [new Set(["source", "entity"]), new Set(["claim"])] : [ALL];
  for (const kinds of passes) {
    const problems: Problem[] = [];
    for await (const r of records(format, chunks, problems, kinds)) {
      if (r.kind === "claim") pending.claim.push(r.claim);
      else pending[r.kind].push(r);
      if (pending.claim.length >= BATCH || pending.source.length >= BATCH || pending.entity.length >= BATCH) await flush();
    }
    // the file changed since it was checked: nothing is kept
    if (problems.length) throw fail(problems);
    await flush();
  }
  await recordAudit(tx, actor, {
    action: "import.run",
    subjectType: LEDGER,
    subjectId: 0,
    changes: Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, [null, n]])),
    reason: `Imported from ${options.origin ?? "a file"}`,
  });
  return counts;
}

/**
 * Adds a JSON export or a CSV of the export's columns to the ledger: all of
 * it, or (any record invalid) none of it. The file is read as a stream, a
 * record at a time: a first pass checks every record and writes nothing;
 * then the records are written in batches through the bulk path (the
 * services' schemas and audit events) in one transaction, closed by one
 * "import.run" event with the counts.
 */
export async function importLedger(db: Db, chunks: Chunks, format: ImportFormat, actor: Actor, options: ImportOptions = {}): Promise<ImportCounts> {
  const problems: Problem[] = [];
  const counts: ImportCounts = { claims: 0, sources: 0, entities: 0, evidence: 0 };
  for await (const r of records(format, chunks, problems, ALL)) {
    if (r.kind === "claim") [counts.claims, counts.evidence] = [counts.claims + 1, counts.evidence + r.claim.evidence.length];
    else counts[r.kind === "source" ? "sources" : "entities"]++;
  }
  const fail = (p: Problem[]) => new InvalidImport(describe(p));
  if (problems.length) throw fail(problems);
  if (options.dryRun) return counts;
  const writes = counts.sources + counts.entities + counts.claims + counts.evidence;
  return inTransaction(db, (tx) => write(tx, actor, format, chunks, counts, options, fail), { timeout: 60_000 + 20 * writes });
}
