import { inTransaction, type Db, type Tx } from "../db.ts";
import { AppError, Invalid } from "../errors.ts";
import { recordAudit, type Actor, type AuditInput } from "../audit/audit.service.ts";
import { createClaim, resolveClaim } from "../claims/claims.service.ts";
import { addEvidence } from "../claims/evidence.service.ts";
import { createEntity } from "../entities/entities.service.ts";
import { createSource } from "../sources/sources.service.ts";
import { planCsv, planJson, type At, type Plan, type Problem } from "./import.plan.ts";

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

/**
 * The line each element of the root object's lists starts on ("claims[12]" →
 * 15), found by walking the text of a file JSON.parse has already accepted.
 */
export function elementLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let depth = 0;
  let key = "";
  let list = "";
  let index = 0;
  let inList = false;
  let awaiting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") line++;
    if (c === " " || c === "\t" || c === "\r" || c === "\n") continue;
    if (awaiting && c !== "]") lines.set(`${list}[${index++}]`, line);
    awaiting = false;
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
      if (depth === 1) key = JSON.parse(text.slice(start, i + 1)) as string;
    } else if (c === "{" || c === "[") {
      if (++depth === 2) [inList, list, index, awaiting] = [c === "[", key, 0, c === "["];
    } else if (c === "}" || c === "]") depth--;
    else if (c === "," && depth === 2 && inList) awaiting = true;
  }
  return lines;
}

/** Problems as messages: "line 15, claims[12].confidence: Confidence must be from 0 to 100." */
function describe(problems: Problem[], text: string, format: ImportFormat): string[] {
  let lines: Map<string, number> | undefined;
  return problems.map((p) => {
    const line = p.line ?? (format === "json" && p.record ? (lines ??= elementLines(text)).get(p.record) : undefined);
    const where = p.path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), p.record);
    return [line ? `line ${line}` : "", where].filter(Boolean).join(", ") + `: ${p.message}`;
  });
}

const countsOf = (plan: Plan): ImportCounts => ({
  claims: plan.claims.length,
  sources: plan.sources.length,
  entities: plan.entities.length,
  evidence: plan.claims.reduce((n, c) => n + c.evidence.length, 0),
});

/** The audit trail's subject for an event about the ledger as a whole. */
const LEDGER: AuditInput["subjectType"] = "ledger";

/** The second pass, inside the transaction: every record through its service, ids mapped from the file's to the new ones. */
async function write(tx: Tx, actor: Actor, plan: Plan, options: ImportOptions, fail: (p: Problem[]) => InvalidImport) {
  // a service's own refusal still names the record (the first pass should have caught it)
  const attempt = async <T>(where: At, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      throw fail(Object.entries(err.fields).map(([field, message]) => ({ ...where, path: [field], message })));
    }
  };
  const total = plan.sources.length + plan.entities.length + plan.claims.length;
  let done = 0;
  const step = () => {
    if (++done % PROGRESS_EVERY === 0 || done === total) options.onProgress?.(done, total);
  };
  const sourceIds = new Map<unknown, number>();
  for (const s of plan.sources) {
    sourceIds.set(s.key, (await attempt(s.at, () => createSource(tx, actor, s.input))).id);
    step();
  }
  const entityIds = new Map<unknown, number>();
  for (const e of plan.entities) {
    entityIds.set(e.key, (await attempt(e.at, () => createEntity(tx, actor, e.input))).id);
    step();
  }
  for (const c of plan.claims) {
    await attempt(c.at, async () => {
      const claim = await createClaim(tx, actor, { ...c.input, entityIds: c.entities.map((k) => entityIds.get(k)!) });
      const cited = c.evidence.map((ev) => sourceIds.get(ev.source)!);
      for (const [j, ev] of c.evidence.entries()) await addEvidence(tx, actor, claim.id, { sourceId: cited[j], stance: ev.stance, quote: ev.quote });
      if (c.resolution) {
        const { resolvedAt, ...resolution } = c.resolution;
        await resolveClaim(tx, actor, claim.id, { ...resolution, sourceIds: [...new Set(cited)] }, resolvedAt ?? undefined);
      }
    });
    step();
  }
  const counts = countsOf(plan);
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
 * it, or (any record invalid) none of it. Every record is checked first;
 * then everything is written through the services, with their audit events,
 * in one transaction, closed by one "import.run" event with the counts.
 */
export async function importLedger(db: Db, text: string, format: ImportFormat, actor: Actor, options: ImportOptions = {}): Promise<ImportCounts> {
  const problems: Problem[] = [];
  const plan = format === "json" ? planJson(text, problems) : planCsv(text, problems);
  const fail = (p: Problem[]) => new InvalidImport(describe(p, text, format));
  if (problems.length) throw fail(problems);
  const counts = countsOf(plan);
  if (options.dryRun) return counts;
  // inTransaction's 60 s suits an editor's change, not a ledger: the
  // services take 5 to 10 ms a write here (README), so allow 50
  const writes = counts.sources + counts.entities + 2 * counts.claims + counts.evidence;
  return inTransaction(db, (tx) => write(tx, actor, plan, options, fail), { timeout: 60_000 + 50 * writes });
}
