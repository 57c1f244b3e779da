// Watching by hand and reading the inbox. Neither is audited: they change
// what one account is told, not the ledger (and an event on the claim would
// itself reach every watcher's inbox).
import type { Db } from "../db.ts";
import { NotFound } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import { parse } from "../validation.ts";
import { markReadSchema } from "./inbox.schema.ts";
import { unreadCount } from "./inbox.query.ts";

async function assertClaim(db: Db, claimId: number): Promise<void> {
  if (!(await db.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw new NotFound(msg("Claim #{id}", { id: String(claimId) }));
}

/** Starts watching a claim; watching it already changes nothing. */
export async function watchClaim(db: Db, userId: number, claimId: number) {
  await assertClaim(db, claimId);
  await db.watch.upsert({ where: { userId_claimId: { userId, claimId } }, create: { userId, claimId }, update: {} });
  return { claimId, watching: true };
}

/** Stops watching a claim (until the next change the account makes to it, which watches it again). */
export async function unwatchClaim(db: Db, userId: number, claimId: number) {
  await assertClaim(db, claimId);
  await db.watch.deleteMany({ where: { userId, claimId } });
  return { claimId, watching: false };
}

/**
 * Marks the inbox read up to an event. The mark never moves back (an older
 * page's button, sent late, keeps it), nor past the newest event, so that
 * events yet to come stay unread.
 */
export async function markRead(db: Db, userId: number, input: unknown) {
  const { upTo } = parse(markReadSchema, input);
  const newest = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const mark = Math.min(upTo, newest?.id ?? 0);
  await db.user.updateMany({ where: { id: userId, inboxReadUpTo: { lt: mark } }, data: { inboxReadUpTo: mark } });
  const { inboxReadUpTo } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { inboxReadUpTo: true } });
  return { readUpTo: inboxReadUpTo, unread: await unreadCount(db, userId) };
}
