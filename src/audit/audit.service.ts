import { createHash } from "node:crypto";
import { Prisma } from "../generated/prisma/client.ts";
import type { Db, Tx } from "../db.ts";
import { inChunks } from "../chunks.ts";
import { decode, type Row } from "../engine.ts";
import { reads } from "../db.ts";

export type Role = "viewer" | "editor" | "admin";

/** Who is acting: a signed-in user, an API token's owner, or the system (seed, import). */
export interface Actor {
  id: number | null;
  label: string;
  role: Role;
}

export const SYSTEM: Actor = { id: null, label: "system", role: "admin" };

/** field → [before, after] */
export type Changes = Record<string, [unknown, unknown]>;

export interface AuditInput {
  action: string;
  /** "ledger": an event about the whole ledger (an import) */
  subjectType: "claim" | "source" | "entity" | "user" | "ledger" | "story" | "webhook";
  subjectId: number;
  changes: Changes;
  reason?: string;
  sourceIds?: number[];
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so one event always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export interface HashedFields {
  createdAt: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: number;
  changes: string;
  reason: string;
  sourceIds: string;
}

/** An event's stored and hashed fields: the one encoding every writer of the chain uses. */
export function eventFields(actor: Actor, input: AuditInput, createdAt: Date): HashedFields {
  return {
    createdAt,
    actorId: actor.id,
    actorLabel: actor.label,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    changes: canonicalJson(input.changes),
    reason: input.reason ?? "",
    sourceIds: JSON.stringify(input.sourceIds ?? []),
  };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The hashed body built straight from the stored text: eventFields stores
 * changes and sourceIds already canonical, so this is the same string as
 * canonicalJson of the event (keys in sorted order) without parsing and
 * re-encoding the JSON, which was most of a full walk's time.
 */
const storedBody = (e: HashedFields) =>
  `{"action":${JSON.stringify(e.action)},"actorId":${JSON.stringify(e.actorId)},"actorLabel":${JSON.stringify(e.actorLabel)},"changes":${e.changes},` +
  `"createdAt":"${e.createdAt.toISOString()}","reason":${JSON.stringify(e.reason)},"sourceIds":${e.sourceIds},"subjectId":${JSON.stringify(e.subjectId)},"subjectType":${JSON.stringify(e.subjectType)}}`;

/** The hash of an event written by eventFields (the writers of the chain). */
export const newEventHash = (prevHash: string, e: HashedFields) => sha256(prevHash + storedBody(e));

/** The hash of any stored event, however its JSON text is laid out: the definition the chain is checked against. */
export function eventHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    createdAt: e.createdAt.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    changes: JSON.parse(e.changes) as unknown,
    reason: e.reason,
    sourceIds: JSON.parse(e.sourceIds) as unknown,
  });
  return sha256(prevHash + body);
}

/** A value as it is stored in an event: dates as ISO strings, undefined as null. */
function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  return v === undefined ? null : v;
}

/** The fields whose values differ between before and after, as field → [before, after]. */
export function diff<T extends object>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]): Changes {
  const changes: Changes = {};
  for (const f of fields) {
    if (!(f in after)) continue;
    const a = plain(before[f]);
    const b = plain(after[f]);
    if (canonicalJson(a) !== canonicalJson(b)) changes[f] = [a, b];
  }
  return changes;
}

/**
 * Appends one event, chained to the one before. Call it inside the
 * transaction that makes the change: SQLite's single writer (and the
 * adapter's transaction lock) keeps the read of the head and the append
 * together, so the chain never forks.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await recordAudits(tx, actor, [input]);
}

/** Appends events in order, each chained to the one before: one read of the head and one insert, for a batch (the import). */
export async function recordAudits(tx: Tx, actor: Actor, inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const head = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = head?.hash ?? GENESIS_HASH;
  const now = new Date();
  const data = inputs.map((input) => {
    const fields = eventFields(actor, input, now);
    const row = { ...fields, prevHash, hash: newEventHash(prevHash, fields) };
    prevHash = row.hash;
    return row;
  });
  await inChunks(data, (chunk) => insertEvents(tx, chunk));
}

type NewEvent = HashedFields & { prevHash: string; hash: string };
const COLUMNS = [
  "createdAt",
  "actorId",
  "actorLabel",
  "action",
  "subjectType",
  "subjectId",
  "changes",
  "reason",
  "sourceIds",
  "prevHash",
  "hash",
] as const satisfies readonly (keyof NewEvent)[];
const INTO = Prisma.raw(`INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES `);

/**
 * One multi-row INSERT of events, values bound. The import appends hundreds
 * of thousands of events, and Prisma's createMany costs about three times
 * as much a row (its query compiler handles every value); the SQL is made of
 * the fixed column list and placeholders only, in chunks of fixed sizes.
 */
async function insertEvents(tx: Tx, rows: NewEvent[]): Promise<never[]> {
  await tx.$executeRaw(Prisma.sql`${INTO}${Prisma.join(rows.map((r) => Prisma.sql`(${Prisma.join(COLUMNS.map((c) => r[c]))})`))}`);
  return [];
}

export interface ChainReport {
  ok: boolean;
  events: number;
  head: string;
  firstBadEvent: number | null;
}

/** A place in the chain: the last event walked, its hash, and how many events lead up to it. */
export interface ChainPoint {
  lastId: number;
  head: string;
  events: number;
}

export const CHAIN_START: ChainPoint = { lastId: 0, head: GENESIS_HASH, events: 0 };

type StoredEvent = HashedFields & { id: number; prevHash: string; hash: string };

/** Whether an event is the one its hash was computed over; a row too damaged to hash (a date or JSON that does not parse) is not. */
function verifies(prev: string, e: StoredEvent): boolean {
  try {
    // the quick form first; the canonical one decides for text laid out otherwise
    return e.prevHash === prev && (newEventHash(prev, e) === e.hash || eventHash(prev, e) === e.hash);
  } catch {
    return false;
  }
}

// Small pages keep each stretch of hashing short: other requests run between them.
// a page of the walk holds the event loop for about 2 ms
const VERIFY_PAGE = 200;
type StoredRow = Omit<StoredEvent, "createdAt"> & { createdAt: string | Date };
// plain rows from the read model's connection: a full walk reads every event, and ORM objects were most of its time
const WALK_PAGE = `SELECT id, "createdAt", "actorId", "actorLabel", action, "subjectType", "subjectId", changes, reason, "sourceIds", "prevHash", hash
  FROM "AuditEvent" WHERE id > ? ORDER BY id LIMIT ?`;

/**
 * Walks the events after `from`, chained from its head, recomputing every
 * hash. Reads only the hashed columns as plain rows (no ORM objects) and
 * yields to the event loop between pages. On a break, `events` counts the
 * events walked up to and including the bad one, and `head` and `lastId`
 * are those of the last event that verified.
 */
export async function walkChain(db: Db, from: ChainPoint = CHAIN_START): Promise<ChainReport & ChainPoint> {
  let { lastId, head, events } = from;
  for (;;) {
    const page = await reads(db).all<StoredRow>(WALK_PAGE, lastId, VERIFY_PAGE);
    for (const row of page) {
      const e = { ...row, createdAt: new Date(row.createdAt) };
      events++;
      if (!verifies(head, e)) return { ok: false, events, head, firstBadEvent: e.id, lastId };
      head = e.hash;
      lastId = e.id;
    }
    if (page.length < VERIFY_PAGE) return { ok: true, events, head, firstBadEvent: null, lastId };
    await new Promise((resume) => setImmediate(resume));
  }
}

/** The whole chain, from the first event. */
export async function verifyChain(db: Db): Promise<ChainReport> {
  const { ok, events, head, firstBadEvent } = await walkChain(db);
  return { ok, events, head, firstBadEvent };
}

type EventRow = Awaited<ReturnType<Db["auditEvent"]["findFirstOrThrow"]>>;

/** An event as pages and the API show it: changes and cited sources parsed. */
export function eventJson(e: EventRow) {
  return {
    id: e.id,
    createdAt: e.createdAt,
    actorId: e.actorId,
    actor: e.actorLabel,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    changes: JSON.parse(e.changes) as Changes,
    reason: e.reason,
    sourceIds: JSON.parse(e.sourceIds) as number[],
    hash: e.hash,
  };
}
export type AuditEventJson = ReturnType<typeof eventJson>;

/** An event read by the read model, as pages and the API show it. */
export const eventOfRow = (row: Row) => eventJson(decode<EventRow>(row));

const HISTORY = `SELECT * FROM "AuditEvent" WHERE "subjectType" = ? AND "subjectId" = ? ORDER BY id`;

/** A record's events, oldest first. */
export async function historyOf(db: Db, subjectType: AuditInput["subjectType"], subjectId: number): Promise<AuditEventJson[]> {
  return (await reads(db).all(HISTORY, subjectType, subjectId)).map(eventOfRow);
}
