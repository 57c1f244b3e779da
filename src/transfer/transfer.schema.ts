// The export file's shape, for the export that writes it and the import that
// checks every record of it. Built from the features' own schemas, so a file
// passes here exactly when the services would take its records.

import { z } from "zod";
import { EXPORTED_FIELDS } from "../claims/claim.fields.ts";
import { createClaimSchema, evidenceSchema } from "../claims/claims.schema.ts";
import { readTimes, type TimeInput } from "../claims/claims.time.ts";
import { STATUSES, isResolved } from "../claims/status.ts";
import { createEntitySchema } from "../entities/entities.schema.ts";
import { createSourceSchema } from "../sources/sources.schema.ts";
import { id, optionalDate, text } from "../validation.ts";

export const EXPORT_FORMAT = "claimtrack-export";
export const EXPORT_VERSION = 1;

/** The claim's exported fields between its id and what it refers to, by title and name. */
export const CSV_COLUMNS = ["id", ...EXPORTED_FIELDS, "entities", "sourceTitles", "sourceUrls", "evidence", "resolutionSources"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns a file may lack: files exported before they existed still import (times as instants in UTC, resolutions citing their evidence). */
export const OPTIONAL_CSV_COLUMNS: readonly CsvColumn[] = ["occurredPrecision", "occurredZone", "resolutionSources"];

/** The root of a JSON export; its records are checked one by one, so each message can name its record. */
export const ledgerFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `Not a Claimtrack export: "format" must be "${EXPORT_FORMAT}".` }),
  version: z.literal(EXPORT_VERSION, { error: `This Claimtrack reads export version ${EXPORT_VERSION}.` }),
  claims: z.array(z.unknown(), { error: "Must be a list of claims." }),
  sources: z.array(z.unknown(), { error: "Must be a list of sources." }),
  entities: z.array(z.unknown(), { error: "Must be a list of entities." }),
});

/** Ids in a file are the exporting database's: keys its records refer to each other by, never reused as ids here. */
export const sourceRecordSchema = createSourceSchema.extend({ id });
export const entityRecordSchema = createEntitySchema.extend({ id });

const RESOLUTION_NOTE = "A resolved claim needs its resolution note.";
const RESOLUTION_SOURCE =
  "A resolved claim needs a source to cite: the import resolves it citing its resolution's sources (resolutionSourceIds, or resolutionSources in a CSV), or, when the file has none, its evidence sources.";

/** A claim of either format: any status, with the resolution it ended in. */
const ledgerClaim = createClaimSchema.omit({ entityIds: true }).extend({
  status: z.enum(STATUSES, { error: `Status must be one of: ${STATUSES.join(", ")}.` }).default("unverified"),
  resolutionNote: text(5000).default(""),
  // when the claim was settled: the one time of record the import restores (see README)
  resolvedAt: optionalDate.default(null),
});

/** A resolved claim is imported the way editors resolve one: with a note, citing sources (`cited`, or else its evidence's); its times are read as the services read them. */
function resolvable(c: TimeInput & { status: string; resolutionNote: string; evidence: unknown[] }, cited: unknown[], ctx: z.RefinementCtx) {
  for (const [field, message] of Object.entries(readTimes(c).errors)) ctx.addIssue({ code: "custom", path: [field], message: String(message) });
  if (!isResolved(c.status)) return;
  if (!c.resolutionNote) ctx.addIssue({ code: "custom", path: ["resolutionNote"], message: RESOLUTION_NOTE });
  if (!cited.length && !c.evidence.length) ctx.addIssue({ code: "custom", path: ["evidence"], message: RESOLUTION_SOURCE });
}

export const claimRecordSchema = ledgerClaim
  .extend({
    id,
    entityIds: z.array(id).max(100, "At most 100 items.").default([]),
    evidence: z.array(evidenceSchema.extend({ sourceId: id })).default([]),
    // absent from files exported before it was added: their claims cite their evidence
    resolutionSourceIds: z.array(id).max(100, "At most 100 items.").default([]),
  })
  .superRefine((c, ctx) => resolvable(c, c.resolutionSourceIds, ctx));
export type ClaimRecord = z.infer<typeof claimRecordSchema>;

// A CSV row names its sources by title and URL and its entities by name.

const CSV_EVIDENCE = "Must be a JSON list of {sourceTitle, sourceUrl, stance, quote}.";
const CSV_CITED = "Must be a JSON list of {sourceTitle, sourceUrl}.";

const csvSource = z.object({ sourceTitle: createSourceSchema.shape.title, sourceUrl: createSourceSchema.shape.url });

const csvEvidence = csvSource.extend({ stance: evidenceSchema.shape.stance, quote: evidenceSchema.shape.quote, language: evidenceSchema.shape.language });

const jsonCell = (message: string) =>
  z.string().transform((s, ctx) => {
    if (!s.trim()) return [];
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
  });

const entityNames = z
  .string()
  .transform((s) =>
    s
      .split(";")
      .map((n) => n.trim())
      .filter(Boolean),
  )
  .pipe(z.array(createEntitySchema.shape.name).max(100, "At most 100 entities."));

export const csvClaimSchema = ledgerClaim
  .extend({
    // an empty cell is a missing value (the default), not the number 0
    confidence: z.preprocess((v) => (v === "" ? undefined : v), ledgerClaim.shape.confidence),
    entities: entityNames,
    evidence: jsonCell(CSV_EVIDENCE).pipe(z.array(csvEvidence, { error: CSV_EVIDENCE })),
    resolutionSources: jsonCell(CSV_CITED)
      .pipe(z.array(csvSource, { error: CSV_CITED }).max(100, "At most 100 sources."))
      .default([]),
  })
  .superRefine((c, ctx) => resolvable(c, c.resolutionSources, ctx));
export type CsvClaim = z.infer<typeof csvClaimSchema>;
