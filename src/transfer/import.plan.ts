// The import's reading of a file: every record checked against the
// features' schemas and the file's own cross-references, streamed a record
// at a time, as service inputs or as problems that name where each one is.
// The first pass reads everything and writes nothing; the writing passes
// read the same records again (a file that changed in between fails then).

import type { z } from "zod";
import { EDITED_FIELDS, valuesOf } from "../claims/claim.fields.ts";
import { isResolved } from "../claims/status.ts";
import { fold } from "../text.ts";
import { messageOf } from "../validation.ts";
import { CsvReader, CsvSyntaxError, unprotectCell, type CsvRecord } from "./csv.ts";
import { jsonItems, JsonSyntaxError, type Chunks } from "./import.read.ts";
import {
  CSV_COLUMNS,
  OPTIONAL_CSV_COLUMNS,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  claimRecordSchema,
  csvClaimSchema,
  entityRecordSchema,
  sourceRecordSchema,
  type ClaimRecord,
  type CsvClaim,
} from "./transfer.schema.ts";

/** Where a record is, for messages: its line, and in JSON its place ("claims[12]"); "" for the file as a whole or a CSV row. */
export interface At {
  line: number | null;
  record: string;
}

export interface Problem extends At {
  path: PropertyKey[];
  message: string;
}

/** How the file's records refer to each other: the exporting database's ids (JSON), titles and names (CSV). */
export type Key = string | number;
type Input = Record<string, unknown>;

export interface PlannedClaim {
  at: At;
  input: Input;
  entities: Key[];
  evidence: { source: Key; stance: string; quote: string; language: string | null }[];
  /** `sources`: what the resolution cites; empty in files from before they were exported, whose claims cite their evidence */
  resolution: { outcome: string; note: string; resolvedAt: Date | null; sources: Key[] } | null;
}

/** One record, ready for its service. */
export type Planned = { kind: "source" | "entity"; at: At; key: Key; input: Input } | { kind: "claim"; at: At; claim: PlannedClaim };

export type Kind = Planned["kind"];

/** Service inputs carry dates as ISO text, as the API's JSON does. */
const plain = (o: Input): Input => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

function check<S extends z.ZodType>(schema: S, value: unknown, at: At, problems: Problem[]): z.infer<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ ...at, path: issue.path, message: String(messageOf(issue)) });
  return null;
}

/** A claim as the services take it: recorded open, then resolved (as an editor would) when the file has it resolved. */
function plannedClaim(at: At, c: ClaimRecord | CsvClaim, entities: Key[], evidence: PlannedClaim["evidence"], cited: Key[]): PlannedClaim {
  const { status } = c;
  const resolved = isResolved(status);
  return {
    at,
    input: plain({ ...valuesOf(c, EDITED_FIELDS), status: resolved ? "unverified" : status }),
    entities,
    evidence,
    resolution: resolved ? { outcome: status, note: c.resolutionNote, resolvedAt: c.resolvedAt, sources: cited } : null,
  };
}

const LISTS = { sources: ["source", sourceRecordSchema], entities: ["entity", entityRecordSchema], claims: ["claim", claimRecordSchema] } as const;
type List = keyof typeof LISTS;

/**
 * The records of a JSON export, of the kinds asked for. References between
 * records are checked once the whole file is read (the export writes claims
 * before the sources and entities they cite).
 */
export async function* jsonRecords(chunks: Chunks, problems: Problem[], kinds: ReadonlySet<Kind>): AsyncGenerator<Planned> {
  const ids = { sources: new Set<number>(), entities: new Set<number>(), claims: new Set<number>() };
  const refs: { at: At; path: PropertyKey[]; list: "sources" | "entities"; id: number }[] = [];
  const seen = new Set<string>();
  try {
    for await (const item of jsonItems(chunks)) {
      if ("start" in item) {
        seen.add(item.start);
        continue;
      }
      if ("key" in item) {
        const at = { line: 1, record: "" };
        seen.add(item.key);
        if (item.key === "") problems.push({ ...at, path: [], message: `The file must be a JSON object (a Claimtrack export).` });
        if (item.key === "format" && item.value !== EXPORT_FORMAT)
          problems.push({ ...at, path: ["format"], message: `Not a Claimtrack export: "format" must be "${EXPORT_FORMAT}".` });
        if (item.key === "version" && item.value !== EXPORT_VERSION)
          problems.push({ ...at, path: ["version"], message: `This Claimtrack reads export version ${EXPORT_VERSION}.` });
        if (item.key in LISTS) problems.push({ ...at, path: [item.key], message: `Must be a list of ${item.key}.` });
        continue;
      }
      if (!(item.list in LISTS)) continue;
      const list = item.list as List;
      const [kind, schema] = LISTS[list];
      const at = { line: item.line, record: `${list}[${item.index}]` };
      const data = check(schema, item.value, at, problems);
      // an invalid record's id still counts as present: its problem is said once, not again at every reference to it
      const id = data?.id ?? (item.value as { id?: unknown } | null)?.id;
      if (typeof id === "number") {
        if (data && ids[list].has(id)) problems.push({ ...at, path: ["id"], message: `Another ${kind} in the file has the id ${id}.` });
        ids[list].add(id);
      }
      if (!data || !kinds.has(kind)) continue;
      if (kind !== "claim") {
        const { id: key, ...input } = data as { id: number };
        yield { kind, at, key, input: plain(input) };
        continue;
      }
      const c = data as ClaimRecord;
      c.entityIds.forEach((ref, j) => refs.push({ at, path: ["entityIds", j], list: "entities", id: ref }));
      c.evidence.forEach((ev, j) => refs.push({ at, path: ["evidence", j, "sourceId"], list: "sources", id: ev.sourceId }));
      c.resolutionSourceIds.forEach((ref, j) => refs.push({ at, path: ["resolutionSourceIds", j], list: "sources", id: ref }));
      const evidence = c.evidence.map((ev) => ({ source: ev.sourceId, stance: ev.stance, quote: ev.quote, language: ev.language }));
      yield { kind, at, claim: plannedClaim(at, c, c.entityIds, evidence, c.resolutionSourceIds) };
    }
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    problems.push({ line: err.line, record: "", path: [], message: err.message });
    return;
  }
  for (const key of ["format", "version", ...Object.keys(LISTS)]) {
    if (!seen.has(key) && !seen.has(""))
      problems.push({ line: 1, record: "", path: [key], message: key in LISTS ? `Must be a list of ${key}.` : "Is required." });
  }
  for (const r of refs) {
    if (!ids[r.list].has(r.id)) problems.push({ ...r.at, path: r.path, message: `No ${LISTS[r.list][0]} in the file has the id ${r.id}.` });
  }
}

/** The header, as the export writes it (any order, optional columns may be left out): anything missing or unknown is named on line 1. */
function headerProblems(names: string[]): string[] {
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c) && !OPTIONAL_CSV_COLUMNS.includes(c));
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  return [
    ...(missing.length ? [`Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`] : []),
    ...(unknown.length ? [`Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. The columns are: ${CSV_COLUMNS.join(", ")}.`] : []),
  ];
}

/** A CSV names a source by its title and URL together. */
const sourceKey = (title: string, url: string | null) => `${title}\n${url ?? ""}`;

async function* csvRows(chunks: Chunks): AsyncGenerator<CsvRecord> {
  const reader = new CsvReader();
  for await (const chunk of chunks()) yield* reader.push(chunk);
  yield* reader.end();
}

/**
 * A CSV names sources by title and URL and entities by name: each distinct
 * source and name in the file becomes one new record, yielded before the
 * first claim that cites it. The file has no entity kinds, so they are
 * recorded as people (README: CSV import).
 */
export async function* csvRecords(chunks: Chunks, problems: Problem[]): AsyncGenerator<Planned> {
  let names: string[] | null = null;
  const sources = new Set<Key>();
  const entities = new Set<Key>();
  try {
    for await (const row of csvRows(chunks)) {
      if (!names) {
        names = row.cells.map((c) => c.trim());
        for (const message of headerProblems(names)) problems.push({ line: 1, record: "", path: [], message });
        if (problems.length) return;
        continue;
      }
      if (row.cells.every((c) => c === "")) continue;
      const at = { line: row.line, record: "" };
      if (row.cells.length !== names.length) {
        problems.push({ ...at, path: [], message: `The row has ${row.cells.length} cells; the header names ${names.length} columns.` });
        continue;
      }
      const c = check(csvClaimSchema, Object.fromEntries(names.map((n, i) => [n, unprotectCell(row.cells[i]!)])), at, problems);
      if (!c) continue;
      for (const { sourceTitle, sourceUrl } of [...c.evidence, ...c.resolutionSources]) {
        const key = sourceKey(sourceTitle, sourceUrl);
        if (!sources.has(key)) yield { kind: "source", at, key, input: { title: sourceTitle, url: sourceUrl } };
        sources.add(key);
      }
      const evidence = c.evidence.map(({ sourceTitle, sourceUrl, stance, quote, language }) => ({
        source: sourceKey(sourceTitle, sourceUrl),
        stance,
        quote,
        language,
      }));
      const cited = c.resolutionSources.map(({ sourceTitle, sourceUrl }) => sourceKey(sourceTitle, sourceUrl));
      const keys: Key[] = [];
      for (const name of c.entities) {
        const key = fold(name);
        if (!entities.has(key)) yield { kind: "entity", at, key, input: { name, kind: "person" } };
        entities.add(key);
        keys.push(key);
      }
      yield { kind: "claim", at, claim: plannedClaim(at, c, keys, evidence, cited) };
    }
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    problems.push({ line: err.line, record: "", path: [], message: err.message });
    return;
  }
  if (!names) problems.push({ line: 1, record: "", path: [], message: `The file is empty; its first line must name the columns: ${CSV_COLUMNS.join(", ")}.` });
}
