// What the log's actions, values and records read as. Each feature
// registers its own (claims/claims.audit.ts and the others, imported once by
// app.ts), so that the log knows no feature and a new action is labelled
// where it is written.
import type { Db } from "../db.ts";
import { msg } from "../i18n/i18n.ts";

/** The titles of the sources and the names of the entities a page's events name, read once for all of them. */
export interface Names {
  sources: Record<number, { id: number; title: string }>;
  entities: Record<number, string>;
  /** the names of the accounts the events' values name (an assignee), by id */
  users?: Record<number, string>;
}

export interface ValueFormat {
  /** one side of a change in words: a Message (the ledger's words, translated where shown), or the value as it is */
  read(value: unknown, names: Names): unknown;
  /** the entity ids one side names, so that a page reads their names in one query */
  entityIds?(value: unknown): number[];
  /** the account ids one side names, read in one query likewise */
  userIds?(value: unknown): number[];
  /** actions whose row shows this field elsewhere (a resolution note is the resolve event's Why), so it is not listed twice */
  shownElsewhereIn?: readonly string[];
}

export interface ActionGroup {
  label: string;
  actions: Record<string, string>;
}

/** A kind of record events are about ("claim", "source"…). */
export interface RecordKind {
  /** how pages name one by its id, "Claim #{id}" (a message id, translated where shown) */
  label: string;
  /** the words that name each of these records (a statement, a title, a name), in one query */
  names(db: Db, ids: number[]): Promise<{ id: number; text: string }[]>;
}

const groups: ActionGroup[] = [];
const kinds = new Map<string, RecordKind>();
const labels = new Map<string, string>();
const formats = new Map<string, ValueFormat>();
const words = new Map<string, Record<string, string>>();

/**
 * A kind of record's actions and their labels (message ids, translated where
 * shown). The log's filter lists the groups in the order they register, and
 * every label is distinct, so that a filter's choice reads alone.
 */
export function registerAuditActions(label: string, actions: Record<string, string>): void {
  for (const [action, text] of Object.entries(actions)) {
    if (labels.has(action)) throw new Error(`audit action ${action} registered twice`);
    if ([...labels.values()].includes(text)) throw new Error(`audit label "${text}" is not distinct`);
    labels.set(action, text);
  }
  groups.push({ label, actions });
}

/** How one field of an event's changes reads; a field with none shows its value as it is. */
export function registerValueFormat(field: string, format: ValueFormat): void {
  if (formats.has(field)) throw new Error(`audit field ${field} formatted twice`);
  formats.set(field, format);
}

/**
 * Words (message ids) for values of a field that several kinds of record
 * share, such as a story's "archived" beside a claim's statuses: read when
 * the field's format, if any, leaves the value as it is.
 */
export function registerValueWords(field: string, table: Record<string, string>): void {
  words.set(field, { ...words.get(field), ...table });
}

/** A kind of record, by its events' subjectType. */
export function registerRecordKind(type: string, kind: RecordKind): void {
  if (kinds.has(type)) throw new Error(`record kind ${type} registered twice`);
  kinds.set(type, kind);
}

export const recordKind = (type: string): RecordKind | undefined => kinds.get(type);

/** The registered groups, in their order. */
export const actionGroups = (): readonly ActionGroup[] => groups;

/** "claim.resolve" → "Claim resolved" (a message id, translated where shown); an action not registered still reads as words. */
export function actionLabel(action: string): string {
  return labels.get(action) ?? action.replace(/[._]/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** One side of a change in words, by its field's format. */
export function describeValue(field: string, value: unknown, names: Names): unknown {
  const read = formats.get(field)?.read(value, names) ?? value;
  const table = words.get(field);
  return read === value && typeof value === "string" && table && Object.hasOwn(table, value) ? msg(table[value]!) : read;
}

/** The entity ids the changes name, on either side of any field. */
export function entityIdsIn(changes: Record<string, [unknown, unknown]>): number[] {
  return Object.entries(changes).flatMap(([field, sides]) => {
    const format = formats.get(field);
    return format?.entityIds ? sides.flatMap((side) => format.entityIds!(side)) : [];
  });
}

/** The account ids the changes name, on either side of any field. */
export function userIdsIn(changes: Record<string, [unknown, unknown]>): number[] {
  return Object.entries(changes).flatMap(([field, sides]) => {
    const format = formats.get(field);
    return format?.userIds ? sides.flatMap((side) => format.userIds!(side)) : [];
  });
}

/** The changes a history row lists: all but those its row shows elsewhere. */
export function listedChanges(e: { action: string; changes: Record<string, [unknown, unknown]> }): [string, [unknown, unknown]][] {
  return Object.entries(e.changes).filter(([field]) => !formats.get(field)?.shownElsewhereIn?.includes(e.action));
}
