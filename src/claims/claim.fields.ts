// The claim's own columns, stated once: what each holds, how the form
// enters it and who reads it. The service's audited fields, the conflict
// page's rows, the export's columns, the import's service input and the
// synthetic seeder's INSERT are all read from this list, in its order (the
// export's column order: files already written depend on it).
import type { Claim } from "../generated/prisma/client.ts";
import { N_ } from "../i18n/i18n.ts";
import { PRECISION_CHOICES, PRECISIONS } from "./occurred.ts";
import { STATUS_LABELS, STATUSES } from "./status.ts";

/** How a value is kept and written: an instant is a UTC Date (ISO text in files), a percent a whole number 0–100. */
export type FieldKind = "text" | "longText" | "enum" | "percent" | "instant" | "zone";

export interface ClaimField {
  name: keyof Claim;
  kind: FieldKind;
  /** its label, a message id translated where shown */
  label: string;
  /** an enumeration's values, from the code that owns them, and their labels (message ids) */
  values?: readonly string[];
  labels?: Readonly<Record<string, string>>;
  /** changed by creating or editing the claim (form and PATCH), and audited when it changes */
  edited: boolean;
  /** the edit form's inputs that carry it, in the form's order: what the conflict page compares */
  inputs: readonly string[];
  /** written to an export file and read back by the import: the edited ones as the service's input, the others by resolving */
  exported: boolean;
}

const PRECISION_LABELS = Object.fromEntries(PRECISION_CHOICES.map((p) => [p.id, p.label]));

const FIELDS = [
  { name: "statement", kind: "text", label: N_("Statement"), edited: true, inputs: ["statement"], exported: true },
  { name: "context", kind: "longText", label: N_("Context notes"), edited: true, inputs: ["context"], exported: true },
  { name: "status", kind: "enum", label: N_("Status"), values: STATUSES, labels: STATUS_LABELS, edited: true, inputs: ["status"], exported: true },
  { name: "confidence", kind: "percent", label: N_("Confidence (0–100)"), edited: true, inputs: ["confidence"], exported: true },
  // the time is entered as one group, its date and clock in its zone (claims.time.ts): zone and precision show in it
  {
    name: "occurredAt",
    kind: "instant",
    label: N_("When it happened"),
    edited: true,
    inputs: ["occurredZone", "occurredDate", "occurredPrecision", "occurredTime"],
    exported: true,
  },
  {
    name: "occurredPrecision",
    kind: "enum",
    label: N_("How precise"),
    values: PRECISIONS,
    labels: PRECISION_LABELS,
    edited: true,
    inputs: [],
    exported: true,
  },
  { name: "occurredZone", kind: "zone", label: N_("Time zone"), edited: true, inputs: [], exported: true },
  { name: "occurredAtText", kind: "text", label: N_("As the source words it"), edited: true, inputs: ["occurredAtText"], exported: true },
  { name: "firstReportedAt", kind: "instant", label: N_("First reported"), edited: true, inputs: ["firstReportedAt"], exported: true },
  // set by resolving and reopening (claims.service.ts), never by the edit form
  { name: "resolutionNote", kind: "longText", label: N_("Resolution note"), edited: false, inputs: [], exported: true },
  { name: "resolvedAt", kind: "instant", label: N_("Resolved"), edited: false, inputs: [], exported: true },
] as const satisfies readonly ClaimField[];

type ClaimFieldName = (typeof FIELDS)[number]["name"];
type Named<F> = F extends { name: infer N; edited: true } ? N : never;
type Exported<F> = F extends { name: infer N; exported: true } ? N : never;
type EditedField = Named<(typeof FIELDS)[number]>;
export type ExportedField = Exported<(typeof FIELDS)[number]>;

export const CLAIM_FIELDS: readonly ClaimField[] = FIELDS;

/**
 * Columns the claim's form does not set: keys and bookkeeping, the review flag
 * that a source's reliability raises (review.service.ts), and the assignee,
 * whose change is its own event (claim.assign).
 */
export const NOT_EDITABLE = [
  "id",
  "needsReview",
  "reviewReason",
  "assigneeId",
  "version",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Claim)[];

/** Each field by its name, for templates: `fields.statement.label`. */
export const FIELD = Object.fromEntries(CLAIM_FIELDS.map((f) => [f.name, f])) as Readonly<Record<ClaimFieldName, ClaimField>>;

/** What creating and editing a claim change, in audit order. */
export const EDITED_FIELDS = FIELDS.filter((f) => f.edited).map((f) => f.name) as EditedField[];

/** The claim's columns in an export, in the file's order, and their names. */
export const EXPORTED: readonly ClaimField[] = CLAIM_FIELDS.filter((f) => f.exported);
export const EXPORTED_FIELDS = EXPORTED.map((f) => f.name) as ExportedField[];

/** A row's values of the named fields, in their order. */
export const valuesOf = <T, N extends keyof T & string>(row: T, names: readonly N[]) => Object.fromEntries(names.map((n) => [n, row[n]])) as Pick<T, N>;

/** The field a form input belongs to (occurredDate is occurredAt's), or undefined for inputs of no column. */
export const fieldOfInput = (input: string): ClaimField | undefined =>
  CLAIM_FIELDS.find((f) => f.name === input) ?? CLAIM_FIELDS.find((f) => f.inputs.includes(input));

/** The edit form's inputs, in its order: the conflict page's rows. */
export const FORM_INPUTS = CLAIM_FIELDS.flatMap((f) => f.inputs);
