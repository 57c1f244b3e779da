import type { Db } from "../db.ts";
import { walkChain, type ChainPoint, type ChainReport } from "./audit.service.ts";

// The last verification of the chain is kept in the database (one row), so
// /audit shows it without walking every event, it survives restarts, and
// several processes share it. The row is derived from the events, so writing
// it is not itself an audited change.

export interface Verification extends ChainReport {
  lastId: number;
  /** when the chain was last checked, incrementally or in full */
  verifiedAt: Date;
  /** when it was last walked from the first event */
  fullAt: Date;
}

const ROW = 1;

/** The last verification, or null when the chain was never verified. */
export async function lastVerification(db: Db): Promise<Verification | null> {
  return db.auditVerification.findUnique({ where: { id: ROW }, omit: { id: true } });
}

/** What /audit shows: the last verification and how many events were appended after it. */
export async function chainState(db: Db) {
  const verified = await lastVerification(db);
  const unverified = await db.auditEvent.count({ where: { id: { gt: verified?.lastId ?? 0 } } });
  return { verified, unverified };
}

const fullWalks = new WeakMap<Db, Promise<Verification>>();

/**
 * Walks the whole chain and keeps the result. Calls that arrive while a walk
 * is in flight share it instead of each walking the chain again.
 */
export function verifyInFull(db: Db): Promise<Verification> {
  let walk = fullWalks.get(db);
  if (!walk) {
    walk = (async () => {
      const { ok, events, head, firstBadEvent, lastId } = await walkChain(db);
      const now = new Date();
      const v: Verification = { ok, events, head, firstBadEvent, lastId, verifiedAt: now, fullAt: now };
      await db.auditVerification.upsert({ where: { id: ROW }, create: { id: ROW, ...v }, update: v });
      return v;
    })().finally(() => fullWalks.delete(db));
    fullWalks.set(db, walk);
  }
  return walk;
}

/**
 * Verifies the events appended since the last verification, chained from
 * its head: cheap enough to run every minute. It cannot see a change to an
 * event verified before (only a full walk can), except to the last one: when
 * that no longer has the head's hash, the chain is walked in full.
 */
export async function verifyNew(db: Db): Promise<Verification> {
  const last = await lastVerification(db);
  if (!last) return verifyInFull(db);
  // a broken chain stays reported broken until a full walk finds it whole
  if (!last.ok) return last;
  if (last.lastId) {
    const anchor = await db.auditEvent.findUnique({ where: { id: last.lastId }, select: { hash: true } });
    if (anchor?.hash !== last.head) return verifyInFull(db);
  }
  const from: ChainPoint = { lastId: last.lastId, head: last.head, events: last.events };
  const { ok, events, head, firstBadEvent, lastId } = await walkChain(db, from);
  const v: Verification = { ok, events, head, firstBadEvent, lastId, verifiedAt: new Date(), fullAt: last.fullAt };
  // written only over the row this walk started from: a full walk that
  // finished meanwhile (perhaps finding a break) is not overwritten
  const { count } = await db.auditVerification.updateMany({ where: { id: ROW, verifiedAt: last.verifiedAt }, data: v });
  return count ? v : ((await lastVerification(db)) ?? v);
}

export interface VerifierOptions {
  newEveryMs?: number;
  fullEveryMs?: number;
  /** where a break and a failed check are reported */
  log?: (problem: unknown) => void;
}

/**
 * The server's background checks: the whole chain at once (the file may
 * have been changed while no server ran) and every hour, the new events
 * every minute; a break goes to the log. Timers are
 * unref'd; stop() clears them and waits for a check in flight, so the
 * database can then be closed.
 */
export function startVerifier(db: Db, { newEveryMs = 60_000, fullEveryMs = 60 * 60_000, log = (err) => console.error(err) }: VerifierOptions = {}) {
  let running: Promise<void> | null = null;
  let reported: number | null = null;
  // a break is logged once, not at every check that finds it again
  const report = (v: Verification) => {
    if (!v.ok && v.firstBadEvent !== reported)
      log(`The audit chain is broken at event #${v.firstBadEvent}: see /audit; restore from a backup and investigate.`);
    reported = v.firstBadEvent;
  };
  // a check due while another runs is skipped, so slow walks never queue up
  const run = (check: (db: Db) => Promise<Verification>) => {
    running ??= check(db)
      .then(report, log)
      .finally(() => (running = null));
  };
  run(verifyInFull);
  const timers = [setInterval(() => run(verifyNew), newEveryMs).unref(), setInterval(() => run(verifyInFull), fullEveryMs).unref()];
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await running;
    },
  };
}
