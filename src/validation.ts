import { z } from "zod";
import { Invalid, type FieldErrors } from "./errors.ts";

/** zod issues as one message per field (the first), keyed by dotted path without list indexes; "form" for the whole input. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((p) => typeof p !== "number");
    const key = path.length ? path.join(".") : "form";
    fields[key] ??= issue.message;
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

export const id = z.coerce.number({ error: "Must be a number." }).int().positive();

export const text = (max: number) => z.string({ error: "Must be text." }).trim().max(max, `At most ${max} characters.`);

export const requiredText = (max: number, label: string) => text(max).min(1, `${label} is required.`);

/** An ISO 8601 date-time; a value without zone (from datetime-local inputs) is read as UTC. */
export const optionalDate = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    if (b === undefined || b === null) return null;
    if (typeof b === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(b)) return b + "Z";
    if (typeof b === "string" && /^\d{4}-\d{2}-\d{2}$/.test(b)) return b + "T00:00:00Z";
    return b;
  },
  z
    .string({ error: "Must be a date and time." })
    .refine((s) => !Number.isNaN(Date.parse(s)), "Must be a date and time, e.g. 2023-11-20T06:00.")
    .transform((s) => new Date(s))
    .nullable(),
);

/** A list of ids from a form (one value or several) or from JSON (an array). */
export const idList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
  z.array(id).max(100, "At most 100 items."),
);

export const optionalUrl = z.preprocess(
  (v) => blankToUndefined(v) ?? null,
  z.url({ protocol: /^https?$/, error: "Must be a web address starting with http:// or https://." }).max(2000).nullable(),
);

const confidenceNumber = z.coerce
  .number({ error: "Confidence must be a number from 0 to 100." })
  .int("Confidence must be a whole number.")
  .min(0, "Confidence must be from 0 to 100.")
  .max(100, "Confidence must be from 0 to 100.");

// 0–100. A blank form field is absent, not 0: the blank check has to wrap
// optional() and default(), which only see undefined.
export const confidence = z.preprocess(blankToUndefined, confidenceNumber);
export const optionalConfidence = z.preprocess(blankToUndefined, confidenceNumber.optional());
export const confidenceOr = (fallback: number) => z.preprocess(blankToUndefined, confidenceNumber.default(fallback));
