import type { Db } from "../db.ts";
import { lastChange } from "../audit/audit.names.ts";
import { msg, type Message } from "../i18n/i18n.ts";
import { FORM_INPUTS, fieldOfInput } from "./claim.fields.ts";

type FormValues = Record<string, string | string[] | undefined>;

// the edit form's inputs, the time as the editor enters it (zone, date, precision, time), then the
// people and organisations it is about: links, not a column of the claim
const FIELDS = [...FORM_INPUTS, "entityIds"];

const idsOf = (v: string | string[] | undefined) =>
  ([] as string[])
    .concat(v ?? [])
    .map(String)
    .filter(Boolean);

/**
 * One side of a row in words: a status and a precision by their labels (a
 * Message, translated by the page), the editor's text as typed, people and
 * organisations by name.
 */
function shown(field: string, value: string | string[] | undefined, names: Map<string, string>): string | Message {
  if (field === "entityIds")
    return (
      idsOf(value)
        .map((id) => names.get(id) ?? `#${id}`)
        .sort()
        .join(", ") || "—"
    );
  const s = String(value ?? "");
  const labels = fieldOfInput(field)?.labels;
  const label = labels && Object.hasOwn(labels, s) ? labels[s] : undefined;
  return label ? msg(label) : s || "—";
}

/**
 * The conflict page's model (the page names the fields): who saved the version that won, when and why
 * (its newest audit event), and each field in words, now beside the editor's
 * edit (a field the edit did not send is unchanged by it).
 */
export async function claimConflict(db: Db, claimId: number, current: FormValues, values: FormValues) {
  const ids = [...new Set([...idsOf(current.entityIds), ...idsOf(values.entityIds)])].map(Number).filter(Number.isSafeInteger);
  const rows = ids.length ? await db.entity.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(rows.map((e) => [String(e.id), e.name]));
  const comparison = FIELDS.map((field) => {
    const now = shown(field, current[field], names);
    const mine = shown(field, values[field] ?? current[field], names);
    return { field, now, mine, differs: String(now) !== String(mine) };
  });
  return { savedBy: await lastChange(db, "claim", claimId), comparison };
}
