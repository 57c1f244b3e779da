import session from "express-session";
import type { Db } from "../db.ts";
import { skipIfFault } from "../sqlite/faults.ts";
import { reads } from "../db.ts";

declare module "express-session" {
  interface SessionData {
    /** the user's sessionGeneration at sign-in: a password change since then ends the session */
    generation?: number;
    /** when the session's expiry was last pushed back (ms since the epoch) */
    seenAt?: number;
  }
}

const DAY = 24 * 60 * 60 * 1000;
const SESSION = `SELECT data, "expiresAt" FROM "Session" WHERE sid = ?`;
const LIFETIME_MS = 12 * 60 * 60 * 1000;
// A session's expiry moves with its use, but is written at most this often:
// a page view is not a database write.
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/**
 * express-session's store on the Session table, so sessions survive a
 * restart and live in the same file as the data they protect. Each row
 * names its user, so that an account's sessions can be ended together.
 * It has no touch(): express-session would call it on every request.
 */
export class PrismaSessionStore extends session.Store {
  constructor(private readonly db: Db) {
    super();
  }

  private expiry(sess: session.SessionData): Date {
    const expires = sess.cookie?.expires;
    return expires ? new Date(expires) : new Date(Date.now() + DAY);
  }

  // read on every request, from the read model's prepared statements (no ORM round trip)
  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    reads(this.db)
      .get<{ data: string; expiresAt: string | Date }>(SESSION, sid)
      .then((row) => cb(null, row && new Date(row.expiresAt) > new Date() ? (JSON.parse(row.data) as session.SessionData) : null), cb);
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const data = JSON.stringify(sess);
    const expiresAt = this.expiry(sess);
    const userId = sess.userId ?? null;
    this.db.session
      .upsert({ where: { sid }, create: { sid, data, expiresAt, userId }, update: { data, expiresAt, userId } })
      // a page read while an import holds the lock still answers; its session's new expiry is written next time
      .catch(skipIfFault)
      .then(() => cb?.())
      .catch((e: unknown) => cb?.(e));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.db.session
      .deleteMany({ where: { sid } })
      .then(() => cb?.())
      .catch((e: unknown) => cb?.(e));
  }

  /** Drops expired sessions; the server calls it on start and hourly. */
  prune(): Promise<unknown> {
    return this.db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  }
}

/**
 * The session middleware. Nothing is stored until a user signs in
 * (saveUninitialized: false, and nothing else writes to an anonymous
 * session), so visitors and bearer-token calls get no row and no cookie.
 */
export const sessions = (db: Db, secret: string) =>
  session({
    store: new PrismaSessionStore(db),
    secret,
    name: "claimtrack.sid",
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: "lax", secure: "auto", maxAge: LIFETIME_MS },
  });

/** Pushes a signed-in session's expiry back (a save, and a new cookie) when it was last done minutes ago. */
export function keepAlive(sess: session.Session & Partial<session.SessionData>, now = Date.now()): void {
  if (now - (sess.seenAt ?? 0) >= TOUCH_EVERY_MS) sess.seenAt = now;
}

/** A new, empty session in place of the old one, whose row is deleted (at sign-in, it defeats session fixation). */
export const regenerate = (sess: session.Session) => new Promise<void>((ok, fail) => sess.regenerate((e?: Error) => (e ? fail(e) : ok())));
