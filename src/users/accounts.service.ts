import type { Db, Tx } from "../db.ts";
import { Invalid, NotFound } from "../errors.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { parse } from "../validation.ts";
import { recordAudit, type Actor } from "../audit/audit.service.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { ownPasswordSchema, passwordSchema } from "./users.schema.ts";

// Taking credentials back: disabling an account, revoking its API tokens,
// setting its password. Each is an audit event written with the change.

async function userOrNotFound(tx: Db | Tx, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFound(N_("That user"));
  return user;
}

/** The account as its admin page shows it, with its tokens newest first. */
export async function accountOf(db: Db, userId: number) {
  const user = await userOrNotFound(db, userId);
  const tokens = await db.apiToken.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    select: { id: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt, disabledAt: user.disabledAt, tokens };
}
export type Account = Awaited<ReturnType<typeof accountOf>>;

/**
 * Disables or enables an account. Disabling ends its sessions at once and
 * its tokens are refused while it lasts (sign-in and every request read the
 * account); enabling lets its password and unrevoked tokens work again.
 */
export async function setDisabled(db: Db, actor: Actor, userId: number, disabled: boolean): Promise<{ email: string; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const user = await userOrNotFound(tx, userId);
    if ((user.disabledAt !== null) === disabled) return { email: user.email, changed: false };
    if (disabled && actor.id === userId) throw new Invalid({ disabled: N_("You cannot disable your own account; another admin can.") });
    if (disabled && user.role === "admin" && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) === 1) {
      throw new Invalid({ disabled: N_("This is the last admin; make another user admin first.") });
    }
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      subjectType: "user",
      subjectId: userId,
      changes: { disabled: [!disabled, disabled] },
    });
    return { email: user.email, changed: true };
  });
}

/** Revokes one of the account's tokens, or all of them; returns the ids revoked now. */
export async function revokeTokens(db: Db, actor: Actor, userId: number, which: number | "all"): Promise<number[]> {
  return db.$transaction(async (tx) => {
    await userOrNotFound(tx, userId);
    if (which !== "all" && !(await tx.apiToken.findFirst({ where: { id: which, userId } })))
      throw new NotFound(msg("Token #{id} of this user", { id: String(which) }));
    const where = { userId, revokedAt: null, ...(which === "all" ? {} : { id: which }) };
    const ids = (await tx.apiToken.findMany({ where, select: { id: true }, orderBy: { id: "asc" } })).map((t) => t.id);
    if (!ids.length) return ids;
    await tx.apiToken.updateMany({ where: { id: { in: ids } }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "user.token.revoke",
      subjectType: "user",
      subjectId: userId,
      changes: { revokedTokens: [[], ids.map((id) => `#${id}`)] },
    });
    return ids;
  });
}

/**
 * Sets an account's password and ends every session signed in with the old
 * one except `keepSid` (the browser that made the change). Returns the new
 * session generation, for the kept session.
 */
export async function setPassword(db: Db, actor: Actor, userId: number, input: unknown, keepSid?: string): Promise<number> {
  const user = await userOrNotFound(db, userId);
  const { password } = parse(passwordSchema, { ...(input as object), email: user.email });
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionGeneration: { increment: 1 } } });
    await tx.session.deleteMany({ where: { userId, ...(keepSid ? { sid: { not: keepSid } } : {}) } });
    await recordAudit(tx, actor, {
      action: "user.password",
      subjectType: "user",
      subjectId: userId,
      changes: { password: ["(not recorded)", "(changed)"] },
      reason: actor.id === userId ? "Changed by the account's owner." : "Set by an administrator.",
    });
    return updated.sessionGeneration;
  });
}

/** A user's own change: their current password first, then the new one twice. */
export async function changeOwnPassword(db: Db, actor: Actor & { id: number }, input: unknown, keepSid?: string): Promise<number> {
  const { current, password, confirm } = parse(ownPasswordSchema, input);
  const user = await userOrNotFound(db, actor.id);
  parse(passwordSchema, { email: user.email, password }); // the new password's problems before the slow check of the current one
  if (password !== confirm) throw new Invalid({ confirm: N_("The two new passwords are not the same.") });
  if (!(await verifyPassword(user.passwordHash, current, { key: `user:${user.id}` }))) {
    throw new Invalid({ current: N_("That is not your current password.") });
  }
  return setPassword(db, actor, actor.id, { password }, keepSid);
}
