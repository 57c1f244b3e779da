// The import's first pass: every record of the file checked against the
// features' schemas and the file's own cross-references, before anything is
// written. It turns the file into service inputs, or into problems that name
// where each one is.

import type { z } from "zod";
import { isResolved } from "../claims/status.ts";
import { fold } from "../text.ts";
import { CsvSyntaxError, parseCsv, unprotectCell } from "./csv.ts";
import {
  CSV_COLUMNS,
  claimRecordSchema,
  csvClaimSchema,
  entityRecordSchema,
  ledgerFileSchema,
  sourceRecordSchema,
  type ClaimRecord,
  type CsvClaim,
} from "./transfer.schema.ts";

/** Where a record is, for messages. */
export interface At {
  /** the physical line, when known now (CSV); a JSON record's line is looked up from `record` when reported */
  line: number | null;
  /** the record, as "claims[12]" in JSON; "" in CSV, where the line says it */
  record: string;
}

export interface Problem extends At {
  path: PropertyKey[];
  message: string;
}

/** How the file's records refer to each other: the exporting database's ids (JSON), titles and names (CSV). */
type Key = string | number;
type Input = Record<string, unknown>;

export interface PlannedClaim {
  at: At;
  input: Input;
  entities: Key[];
  evidence: { source: Key; stance: string; quote: string }[];
  resolution: { outcome: string; note: string; resolvedAt: Date | null } | null;
}

export interface Plan {
  sources: { at: At; key: Key; input: Input }[];
  entities: { at: At; key: Key; input: Input }[];
  claims: PlannedClaim[];
}

/** Service inputs carry dates as ISO text, as the API's JSON does. */
const plain = (o: Input): Input => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

function check<S extends z.ZodType>(schema: S, value: unknown, at: At, problems: Problem[]): z.infer<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ ...at, path: issue.path, message: issue.message });
  return null;
}

/** A claim as the services take it: recorded open, then resolved (as an editor would) when the file has it resolved. */
function plannedClaim(at: At, c: ClaimRecord | CsvClaim, entities: Key[], evidence: PlannedClaim["evidence"]): PlannedClaim {
  const { statement, context, status, confidence, occurredAt, occurredAtText, firstReportedAt } = c;
  const resolved = isResolved(status);
  return {
    at,
    input: plain({ statement, context, status: resolved ? "unverified" : status, confidence, occurredAt, occurredAtText, firstReportedAt }),
    entities,
    evidence,
    resolution: resolved ? { outcome: status, note: c.resolutionNote, resolvedAt: c.resolvedAt } : null,
  };
}

/** Records of one kind, each checked, with ids unique in the file. */
function records<S extends z.ZodType<{ id: number }>>(list: unknown[], [plural, name]: [string, string], schema: S, problems: Problem[]) {
  const seen = new Set<number>();
  const valid: { at: At; data: z.infer<S> }[] = [];
  list.forEach((raw, i) => {
    const at = { line: null, record: `${plural}[${i}]` };
    const data = check(schema, raw, at, problems);
    if (!data) {
      // an invalid record's id still counts as present: its problem is said once, not again at every reference to it
      const rawId = (raw as { id?: unknown } | null)?.id;
      if (typeof rawId === "number") seen.add(rawId);
      return;
    }
    if (seen.has(data.id)) problems.push({ ...at, path: ["id"], message: `Another ${name} in the file has the id ${data.id}.` });
    seen.add(data.id);
    valid.push({ at, data });
  });
  return { valid, ids: seen };
}

export function planJson(text: string, problems: Problem[]): Plan {
  const plan: Plan = { sources: [], entities: [], claims: [] };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    const position = /at position (\d+)/.exec((err as Error).message);
    const line = position ? text.slice(0, Number(position[1])).split("\n").length : null;
    problems.push({ line, record: "", path: [], message: `The file is not valid JSON: ${(err as Error).message}` });
    return plan;
  }
  const file = check(ledgerFileSchema, root, { line: 1, record: "" }, problems);
  if (!file) return plan;

  const sources = records(file.sources, ["sources", "source"], sourceRecordSchema, problems);
  plan.sources = sources.valid.map(({ at, data: { id, ...s } }) => ({ at, key: id, input: plain(s) }));
  const entities = records(file.entities, ["entities", "entity"], entityRecordSchema, problems);
  plan.entities = entities.valid.map(({ at, data: { id, ...e } }) => ({ at, key: id, input: e }));

  for (const { at, data: c } of records(file.claims, ["claims", "claim"], claimRecordSchema, problems).valid) {
    c.entityIds.forEach((id, j) => {
      if (!entities.ids.has(id)) problems.push({ ...at, path: ["entityIds", j], message: `No entity in the file has the id ${id}.` });
    });
    c.evidence.forEach((ev, j) => {
      if (!sources.ids.has(ev.sourceId)) problems.push({ ...at, path: ["evidence", j, "sourceId"], message: `No source in the file has the id ${ev.sourceId}.` });
    });
    plan.claims.push(plannedClaim(at, c, c.entityIds, c.evidence.map((ev) => ({ source: ev.sourceId, stance: ev.stance, quote: ev.quote }))));
  }
  return plan;
}

/** The header, as the export writes it (any order): anything missing or unknown is named on line 1. */
function headerProblems(names: string[]): string[] {
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  return [
    ...(missing.length ? [`Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`] : []),
    ...(unknown.length ? [`Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. The columns are: ${CSV_COLUMNS.join(", ")}.`] : []),
  ];
}

/**
 * A CSV names sources by title and URL and entities by name: each distinct
 * source and name in the file becomes one new record. The file has no entity
 * kinds, so they are recorded as people (README: CSV import).
 */
export function planCsv(text: string, problems: Problem[]): Plan {
  const plan: Plan = { sources: [], entities: [], claims: [] };
  let rows;
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    problems.push({ line: err.line, record: "", path: [], message: err.message });
    return plan;
  }
  const [header, ...body] = rows;
  const names = header?.cells.map((c) => c.trim()) ?? [];
  const wrong = header ? headerProblems(names) : [`The file is empty; its first line must name the columns: ${CSV_COLUMNS.join(", ")}.`];
  for (const message of wrong) problems.push({ line: 1, record: "", path: [], message });
  if (wrong.length) return plan;

  const sources = new Map<Key, Plan["sources"][number]>();
  const entities = new Map<Key, Plan["entities"][number]>();
  for (const row of body) {
    if (row.cells.every((c) => c === "")) continue;
    const at = { line: row.line, record: "" };
    if (row.cells.length !== names.length) {
      problems.push({ ...at, path: [], message: `The row has ${row.cells.length} cells; the header names ${names.length} columns.` });
      continue;
    }
    const c = check(csvClaimSchema, Object.fromEntries(names.map((n, i) => [n, unprotectCell(row.cells[i]!)])), at, problems);
    if (!c) continue;
    const evidence = c.evidence.map(({ sourceTitle, sourceUrl, stance, quote }) => {
      const key = `${sourceTitle}\n${sourceUrl ?? ""}`;
      if (!sources.has(key)) sources.set(key, { at, key, input: { title: sourceTitle, url: sourceUrl } });
      return { source: key, stance, quote };
    });
    const keys = c.entities.map((name) => {
      const key = fold(name);
      if (!entities.has(key)) entities.set(key, { at, key, input: { name, kind: "person" } });
      return key;
    });
    plan.claims.push(plannedClaim(at, c, keys, evidence));
  }
  plan.sources = [...sources.values()];
  plan.entities = [...entities.values()];
  return plan;
}
