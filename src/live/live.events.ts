import type { Db } from "../db.ts";
import { reads } from "../db.ts";
import { decode, type Row } from "../engine.ts";
import { withActorNames } from "../audit/audit.names.ts";
import type { HashedFields } from "../audit/audit.service.ts";

/** An audit event as the live stream sends it: enough for a page to tell who changed which record, not the change itself. */
export interface LiveEvent {
  id: number;
  action: string;
  subjectType: string;
  subjectId: number;
  actorId: number | null;
  /** the label recorded with the event (an e-mail, "system", "cli") */
  actor: string;
  /** the name the actor goes by now, else the label */
  actorName: string;
  createdAt: string;
}

const COLUMNS = `id, "createdAt", "actorId", "actorLabel", action, "subjectType", "subjectId"`;
const AFTER = `SELECT ${COLUMNS} FROM "AuditEvent" WHERE id > ? ORDER BY id LIMIT ?`;
// the newest of the missed ones: a client away for long gets the recent past, and reloads for the rest
const MISSED = `SELECT ${COLUMNS} FROM "AuditEvent" WHERE id > ? AND id <= ? ORDER BY id DESC LIMIT ?`;
const HEAD = `SELECT max(id) AS id FROM "AuditEvent"`;

type EventRow = Pick<HashedFields, "createdAt" | "actorId" | "actorLabel" | "action" | "subjectType" | "subjectId"> & { id: number };

async function named(db: Db, rows: Row[]): Promise<LiveEvent[]> {
  const events = rows.map((row) => {
    const e = decode<EventRow>(row);
    return {
      id: Number(e.id),
      action: e.action,
      subjectType: e.subjectType,
      subjectId: Number(e.subjectId),
      actorId: e.actorId === null ? null : Number(e.actorId),
      actor: e.actorLabel,
      createdAt: e.createdAt.toISOString(),
    };
  });
  return withActorNames(db, events);
}

/** The id of the newest event, 0 in an empty ledger: where a stream starts. */
export async function headId(db: Db): Promise<number> {
  const row = await reads(db).get<{ id: number | null }>(HEAD);
  return Number(row?.id ?? 0);
}

/** At most `limit` events after `cursor`, oldest first. */
export const eventsAfter = async (db: Db, cursor: number, limit: number) => named(db, await reads(db).all(AFTER, cursor, limit));

/** The newest `limit` events after `since` up to `upTo`, oldest first: what a reconnecting client missed. */
export const missedEvents = async (db: Db, since: number, upTo: number, limit: number) =>
  named(db, (await reads(db).all(MISSED, since, upTo, limit)).reverse());
