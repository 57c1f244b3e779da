import session from "express-session";
import type { Db } from "../db.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * express-session's store on the Session table, so sessions survive a
 * restart and live in the same file as the data they protect.
 */
export class PrismaSessionStore extends session.Store {
  constructor(private readonly db: Db) {
    super();
  }

  private expiry(sess: session.SessionData): Date {
    const expires = sess.cookie?.expires;
    return expires ? new Date(expires) : new Date(Date.now() + DAY);
  }

  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    this.db.session
      .findUnique({ where: { sid } })
      .then((row) => cb(null, row && row.expiresAt > new Date() ? (JSON.parse(row.data) as session.SessionData) : null))
      .catch(cb);
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const data = JSON.stringify(sess);
    const expiresAt = this.expiry(sess);
    this.db.session
      .upsert({ where: { sid }, create: { sid, data, expiresAt }, update: { data, expiresAt } })
      .then(() => cb?.())
      .catch((e: unknown) => cb?.(e));
  }

  override touch(sid: string, sess: session.SessionData, cb?: () => void): void {
    this.db.session
      .updateMany({ where: { sid }, data: { expiresAt: this.expiry(sess) } })
      .then(() => cb?.())
      .catch(() => cb?.());
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
