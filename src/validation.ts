import { z } from "zod";
import { Invalid, type FieldErrors } from "./errors.ts";
import { msg, N_, type Translatable } from "./i18n/i18n.ts";

// zod keeps an issue's message as a string: a message with values (a length)
// is a custom issue whose params are the values, made a Message here
/** An issue's message, with its values: a Message when it has some. */
export const messageOf = (issue: z.core.$ZodIssue): Translatable =>
  issue.code === "custom" && issue.params ? msg(issue.message, issue.params as Record<string, string | number>) : issue.message;

/** zod issues as one message per field (the first), keyed by dotted path without list indexes; "form" for the whole input. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((p) => typeof p !== "number");
    const key = path.length ? path.join(".") : "form";
    fields[key] ??= messageOf(issue);
  }
  return fields;
}

/** Parses input with schema or throws Invalid (422) with a message per field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Invalid(fieldErrors(result.error));
  return result.data;
}

// Building blocks shared by the features' schemas. Forms send "" for an
// empty field; these read it as absent.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// UTF-8 has no encoding for a lone surrogate (JSON's "\ud800"): the database driver fails on it
export const BROKEN_CHARACTER = N_("Contains a broken character (a lone UTF-16 surrogate such as \\ud800) that cannot be stored.");
export const hasLoneSurrogate = (s: string) => LONE_SURROGATE.test(s);

/** Why a string cannot be kept as text, or null. */
export function unstorable(s: string): string | null {
  // NUL ends strings in the C tools an export or backup meets, and shows as nothing in a page
  if (s.includes("\0")) return N_("Must not contain the NUL character (U+0000, which pages show as �); remove it.");
  return hasLoneSurrogate(s) ? BROKEN_CHARACTER : null;
}

/** Any text a user sends: what cannot be stored is refused here, for every feature, page and API alike. */
export const plainText = (error: string = N_("Must be text.")) =>
  z.string({ error }).superRefine((s, ctx) => {
    const why = unstorable(s);
    if (why) ctx.addIssue({ code: "custom", message: why });
  });

/** Refuses text longer than `max`, saying its length (the forms count as one types). */
const atMost = (max: number) => (s: string, ctx: z.RefinementCtx) => {
  if (s.length > max) ctx.addIssue({ code: "custom", message: N_("At most {max} characters; this has {length}."), params: { max, length: s.length } });
};

/** Trimmed text of at most `max` characters: a longer one is refused with its length, never cut. */
export const text = (max: number) => plainText().trim().superRefine(atMost(max));

/** Required text; `label` (marked with N_) names the field in its message: "The title is required." */
export const requiredText = (max: number, label: string) =>
  text(max).superRefine((s, ctx) => {
    if (!s) ctx.addIssue({ code: "custom", message: N_("{label} is required."), params: { label: msg(label) } });
  });

/** The reason a destructive change must give; `message` (marked with N_) says why it is asked, and shows beside the field when it is missing. */
export const requiredReason = (message: string, max = 2000) => plainText(message).trim().min(1, message).superRefine(atMost(max));

/**
 * A whole number sent as a JSON number or as decimal digits (a form field).
 * z.coerce would also read true, [7], "0x10" and "1e1" as 1, 7, 16 and 10.
 */
export const whole = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v), schema);

/** A record's id, with the message a wrong one gets; beyond 2^53 a number is no longer exact, and no row has such an id. */
export const idWith = (message: string) =>
  whole(z.number({ error: message }).max(Number.MAX_SAFE_INTEGER, N_("No record has an id that large.")).int(message).positive(message));

export const id = idWith(N_("Must be an id: a whole number such as 12."));

/** The version an edit started from (optimistic locking). */
export const version = idWith(N_("The version this edit started from is required."));

const ISO_INSTANT = /^([1-9]\d{3}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:\d{2})?$/;
const DAY = 24 * 60 * 60 * 1000;

/**
 * An ISO 8601 date or date-time (UTC when it names no zone); a bare date is
 * the day's start, or its end for an upper bound. Years 1000 to 9999 only:
 * Date reads "1" or "50.5" as years and takes years up to 275760, which the
 * database's ISO text cannot hold.
 */
export function instant(s: string, endOfDay = false): Date | null {
  const m = ISO_INSTANT.exec(s.trim());
  if (!m || (m[3] && !m[2])) return null;
  const day = new Date(`${m[1]}T00:00:00Z`);
  // Date accepts 2023-02-30 as 2 March; a date that does not round-trip is refused
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== m[1]) return null;
  if (!m[2]) return new Date(day.getTime() + (endOfDay ? DAY - 1 : 0));
  const at = new Date(m[1] + m[2] + (m[3] ?? "Z"));
  // an offset can still carry 9999-12-31 into the year 10000, or 1000-01-01 back into 999
  const year = at.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? at : null;
}

/** A string read by instant(), refused with `message` when it is not one. */
export const instantText = (message: string, endOfDay = false) =>
  z.string({ error: message }).transform((s, ctx) => {
    const at = instant(s, endOfDay);
    if (!at) ctx.addIssue({ code: "custom", message });
    return at ?? z.NEVER;
  });

/** An ISO 8601 date-time; a value without zone (from datetime-local inputs) is read as UTC. */
export const optionalDate = z.preprocess(
  (v) => blankToUndefined(v) ?? null,
  instantText(N_("Must be a date and time in the years 1000 to 9999, e.g. 2023-11-20T06:00 (UTC) or 2023-11-20T07:00+01:00.")).nullable(),
);

/** A list of ids from a form (one value or several) or from JSON (an array). */
export const idList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? (v as unknown[]).filter((x) => x !== "") : [v]),
  z.array(id).max(100, N_("At most 100 items.")),
);

const URL_ERROR = N_("Must be a web address starting with http:// or https://.");

export const optionalUrl = z.preprocess(
  (v) => blankToUndefined(v) ?? null,
  plainText(URL_ERROR)
    .pipe(z.url({ protocol: /^https?$/, error: URL_ERROR }).superRefine(atMost(2000)))
    .nullable(),
);

const confidenceNumber = whole(
  z
    .number({ error: N_("Confidence must be a whole number from 0 to 100.") })
    .int(N_("Confidence must be a whole number."))
    .min(0, N_("Confidence must be from 0 to 100."))
    .max(100, N_("Confidence must be from 0 to 100.")),
);

// 0–100. A blank form field is absent, not 0: the blank check has to wrap
// optional() and default(), which only see undefined.
export const confidence = z.preprocess(blankToUndefined, confidenceNumber);
export const optionalConfidence = z.preprocess(blankToUndefined, confidenceNumber.optional());
export const confidenceOr = (fallback: number) => z.preprocess(blankToUndefined, confidenceNumber.default(fallback));

const YES = new Set<unknown>([true, "true", "1", "on"]);
const NO = new Set<unknown>([undefined, false, "false", "0", ""]);

/**
 * The editor's "create it anyway" after a 409 duplicate: true in JSON, or
 * the form's button or checkbox. Parsed apart from the record's fields, so
 * it never reaches a table (the import's bulk path writes what a record
 * schema gives).
 */
export const confirmDuplicateSchema = z.object({
  confirmDuplicate: z.preprocess((v) => (YES.has(v) ? true : NO.has(v) ? false : v), z.boolean({ error: N_("confirmDuplicate must be true or false.") })),
});
