import { z } from "zod";
import { confidence, confidenceOr, id, idList, idWith, instantText, optionalConfidence, requiredReason, requiredText, text, version } from "../validation.ts";
import { N_ } from "../i18n/i18n.ts";
import { language } from "./language.ts";
import { PRECISIONS } from "./occurred.ts";
import { OPEN_STATUSES, RESOLVED_STATUSES, STATUSES } from "./status.ts";

export const STANCES = ["supports", "refutes", "mentions"] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Record<Stance, string> = { supports: N_("Supports"), refutes: N_("Refutes"), mentions: N_("Mentions") };

const status = z.enum(STATUSES, { error: N_("Status must be one of: unverified, rumored, confirmed, false, inconclusive.") });
const openStatus = z.enum(OPEN_STATUSES, { error: N_("A new or reopened claim is unverified or rumored.") });

// The times are read together, in their zone, by readTimes (claims.time.ts):
// here a blank form field becomes null (cleared), an absent one stays absent.
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const timeValue = z.preprocess(blankToNull, z.unknown()).optional();

/** The fields of a claim's times, in either form (see claims.time.ts). */
export const timeFields = {
  occurredAt: timeValue,
  occurredDate: timeValue,
  occurredTime: timeValue,
  occurredPrecision: z.preprocess(
    (v) => (blankToNull(v) === null ? undefined : v),
    z.enum(PRECISIONS, { error: N_("Precision must be one of: instant, morning, afternoon, evening, night, day.") }).optional(),
  ),
  occurredZone: z.preprocess((v) => (blankToNull(v) === null ? undefined : v), text(100).optional()),
  firstReportedAt: timeValue,
};

const claimFields = {
  statement: requiredText(1000, N_("The statement")),
  context: text(10_000).default(""),
  confidence,
  ...timeFields,
  occurredAtText: text(300).default(""),
  entityIds: idList.default([]),
};

export const createClaimSchema = z.object({
  ...claimFields,
  status: openStatus.default("unverified"),
  confidence: confidenceOr(50),
});
export type CreateClaim = z.infer<typeof createClaimSchema>;

/** An edit: every field optional (PATCH), the version it started from required. */
export const updateClaimSchema = z.object({
  statement: claimFields.statement.optional(),
  context: text(10_000).optional(),
  status: status.optional(),
  confidence: optionalConfidence,
  ...timeFields,
  occurredAtText: text(300).optional(),
  entityIds: idList.optional(),
  /** the editor working on it; null (or the form's "Nobody", "") unassigns */
  assigneeId: z.preprocess((v) => (v === "" ? null : v), idWith(N_("Choose an editor, or nobody.")).nullable()).optional(),
  version,
  /** why status or confidence changed: required when either does */
  reason: text(2000).default(""),
  sourceIds: idList.default([]),
});
export type UpdateClaim = z.infer<typeof updateClaimSchema>;

export const resolutionSchema = z.object({
  outcome: z.enum(RESOLVED_STATUSES, { error: N_("Choose an outcome: confirmed, false or inconclusive.") }),
  note: requiredText(5000, N_("A resolution note")),
  sourceIds: idList.refine((ids) => ids.length > 0, N_("Cite at least one source.")),
  confidence: optionalConfidence,
  // a time of record is the server's clock: a client-sent one is refused, not
  // silently dropped (an import restores an export's through its bulk path)
  resolvedAt: z.never({ error: N_("resolvedAt is set by the server when the claim is resolved; leave it out.") }).optional(),
  version: version.optional(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

/** The new-claim form's "Check for similar claims": only the statement is read, and nothing is saved. */
export const similarSchema = z.object({
  statement: text(1000).min(1, N_("Type the statement first: similar claims are found by its words.")),
});

export const reopenSchema = z.object({
  status: openStatus.default("unverified"),
  reason: requiredText(5000, N_("A reason for reopening")),
  confidence: optionalConfidence,
  sourceIds: idList.default([]),
  version: version.optional(),
});
export type Reopen = z.infer<typeof reopenSchema>;

export const evidenceSchema = z.object({
  sourceId: idWith(N_("Choose a source.")),
  stance: z.enum(STANCES, { error: N_("Stance must be supports, refutes or mentions.") }),
  quote: text(5000).default(""),
  language: language.default(null),
});
export type NewEvidence = z.infer<typeof evidenceSchema>;

/** Removing evidence changes what a claim rests on: the reason is required and kept. */
export const removeEvidenceSchema = z.object({ reason: requiredReason(N_("Say why this evidence is removed; the audit trail keeps it.")) });

/**
 * The claim forms' pickers: what is ticked, and the words of their find
 * boxes. `find` is the Find button: the form comes back narrowed, nothing
 * saved, the editor's input kept. Never refused: a bad value finds nothing.
 */
export const pickerSchema = z.object({
  find: z.literal("1").optional().catch(undefined),
  findEntities: text(200).catch(""),
  findSources: text(200).catch(""),
  entityIds: idList.catch([]),
  sourceIds: idList.catch([]),
});

export const SORTS = ["newest", "oldest", "occurred", "confidence", "relevance"] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = {
  newest: N_("Newest"),
  oldest: N_("Oldest"),
  occurred: N_("Occurred"),
  confidence: N_("Confidence"),
  relevance: N_("Relevance"),
};

/** The list's state filter: the open or the resolved statuses at once. */
export const STATES = ["open", "resolved"] as const;
export const STATE_LABELS: Record<(typeof STATES)[number], string> = { open: N_("Open (unverified, rumored)"), resolved: N_("Resolved") };

/** The choices the claim's pages and forms offer, for their templates: reopen as, resolve as, evidence's stance. */
export const CLAIM_CHOICES = { openStatuses: OPEN_STATUSES, outcomes: RESOLVED_STATUSES, stances: STANCES } as const;

const blank = (v: unknown) => v === undefined || v === "" || (Array.isArray(v) && v.every((x) => x === ""));
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (blank(v) ? undefined : v), schema.optional());
/** A bound of a date range: a bare date is that day's start (from) or end (to), in UTC. */
const bound = (endOfDay: boolean) => optional(instantText(N_("Must be a date, e.g. 2023-11-20."), endOfDay));

/** The list's filters, as they appear in /claims and /api/claims query strings (and so in bookmarks). */
export const listQuerySchema = z
  .object({
    // a search is text, whatever it holds: overlong ones are cut, never refused
    q: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 500).trim() || undefined : undefined), z.string().optional()),
    /** several: ?status=rumored&status=unverified or ?status=rumored,unverified */
    status: z.preprocess(
      (v) =>
        blank(v)
          ? []
          : [v]
              .flat()
              .flatMap((x) => String(x).split(","))
              .filter(Boolean),
      z.array(status).max(STATUSES.length),
    ),
    state: optional(z.enum(STATES, { error: N_("State must be open or resolved.") })),
    entity: optional(id),
    source: optional(id),
    /** the claims of one story (src/stories/) */
    story: optional(id),
    /** me (the signed-in account: see assigneeFor), none, or an account's id */
    assignee: optional(z.union([z.enum(["me", "none"]), id], { error: N_("Assignee must be me, none or an account's id.") })),
    minConfidence: optional(confidence),
    maxConfidence: optional(confidence),
    /** only the claims in the review queue: ?needsReview=1 (the filter form's checkbox) */
    needsReview: optional(z.enum(["1", "true"], { error: N_("Needs review is 1 (only flagged claims) or absent.") }).transform(() => true)),
    occurredFrom: bound(false),
    occurredTo: bound(true),
    sort: optional(z.enum(SORTS, { error: N_("Sort must be one of: newest, oldest, occurred, confidence, relevance.") })),
    limit: z.coerce.number().int().min(1).max(100).catch(25).default(25),
    cursor: optional(z.string().max(500)),
    /** the page before this one: a prevCursor the list gave */
    before: optional(z.string().max(500)),
  })
  .refine((f) => f.cursor === undefined || f.before === undefined, {
    path: ["before"],
    message: N_("Ask for the page after one claim (cursor) or before one (before), not both."),
  })
  .refine((f) => f.minConfidence === undefined || f.maxConfidence === undefined || f.minConfidence <= f.maxConfidence, {
    path: ["maxConfidence"],
    message: N_("The highest confidence must not be below the lowest."),
  })
  .refine((f) => !f.occurredFrom || !f.occurredTo || f.occurredFrom <= f.occurredTo, {
    path: ["occurredTo"],
    message: N_("The end date must not be before the start date."),
  });
export type ListQuery = z.infer<typeof listQuerySchema>;

/** The list's filters with ?assignee=me read as the account asking. */
export const assigneeFor = (f: ListQuery, userId: number): ListQuery => (f.assignee === "me" ? { ...f, assignee: userId } : f);
