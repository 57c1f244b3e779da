import type { Db } from "../db.ts";
import { reads } from "../db.ts";
import { decodeCursor, encodeCursor } from "../pagination.ts";
import { eventOfRow } from "../audit/audit.service.ts";
import { withActorNames } from "../audit/audit.names.ts";
import { recordNames } from "../audit/audit.log.ts";
import { namesIn } from "../audit/audit.query.ts";
import type { InboxQuery } from "./inbox.schema.ts";

const UNREAD = `SELECT COUNT(*) AS n FROM "InboxItem" i JOIN "User" u ON u.id = i."userId" WHERE i."userId" = ? AND i."eventId" > u."inboxReadUpTo"`;

/** How many changes the account has not read: the navigation's count, one query a page. */
export async function unreadCount(db: Db, userId: number): Promise<number> {
  return Number((await reads(db).get<{ n: number | bigint }>(UNREAD, userId))?.n ?? 0);
}

const WATCHING = `SELECT 1 AS yes FROM "Watch" WHERE "userId" = ? AND "claimId" = ?`;

export const isWatching = async (db: Db, userId: number, claimId: number) => (await reads(db).get(WATCHING, userId, claimId)) !== undefined;

const PAGE = `SELECT e.* FROM "InboxItem" i JOIN "AuditEvent" e ON e.id = i."eventId" WHERE i."userId" = ? ORDER BY i."eventId" DESC LIMIT ?`;
const PAGE_BEFORE = `SELECT e.* FROM "InboxItem" i JOIN "AuditEvent" e ON e.id = i."eventId" WHERE i."userId" = ? AND i."eventId" < ? ORDER BY i."eventId" DESC LIMIT ?`;
const READ_UP_TO = `SELECT "inboxReadUpTo" AS n FROM "User" WHERE id = ?`;
const NEWEST = `SELECT MAX("eventId") AS n FROM "InboxItem" WHERE "userId" = ?`;

/**
 * A page of the inbox, newest first: each change by someone else to a
 * claim the account watches, with who made it (by the name they go by now),
 * the claim's words and whether it is unread; and the names its changes'
 * values need (sources, entities, accounts), for the history's formats.
 */
export async function inboxPage(db: Db, userId: number, q: InboxQuery) {
  const [rows, mark, newest, unread] = await Promise.all([
    q.cursor ? reads(db).all(PAGE_BEFORE, userId, decodeCursor(q.cursor), q.limit + 1) : reads(db).all(PAGE, userId, q.limit + 1),
    reads(db).get<{ n: number | bigint }>(READ_UP_TO, userId),
    reads(db).get<{ n: number | bigint | null }>(NEWEST, userId),
    unreadCount(db, userId),
  ]);
  const readUpTo = Number(mark?.n ?? 0);
  const events = await withActorNames(db, rows.slice(0, q.limit).map(eventOfRow));
  const [records, names] = await Promise.all([recordNames(db, events), namesIn(db, events)]);
  const items = events.map((e) => ({ ...e, unread: e.id > readUpTo, claim: { id: e.subjectId, statement: records[`claim:${e.subjectId}`] ?? "" } }));
  const nextCursor = rows.length > q.limit ? encodeCursor(items.at(-1)!.id) : null;
  // what "Mark all read" marks: the newest change in the inbox as the page was read, not one that came after
  const newestId = Number(newest?.n ?? 0);
  return { items, unread, readUpTo, newestId, nextCursor, names };
}
