import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../db.ts";
import { Invalid, NotFound } from "../errors.ts";
import { skipIfFault } from "../sqlite/faults.ts";
import { reads } from "../db.ts";
import { parse } from "../validation.ts";
import { recordAudit, type Actor } from "../audit/audit.service.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import type { Ticket } from "./gate.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import type { RoleName } from "../roles.ts";
import type { SignedIn } from "../http/auth.ts";
import { localeSchema, newUserSchema, normalEmail, roleChangeSchema } from "./users.schema.ts";

declare module "../http/auth.ts" {
  /** what the rest of the app knows of the signed-in account, besides what the guards need */
  interface SignedIn {
    email: string;
    name: string;
  }
}

/** The account a request is from (req.user). */
export type CurrentUser = SignedIn;

export const toCurrent = (u: { id: number; email: string; name: string; role: string; locale: string | null }): CurrentUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role as RoleName,
  locale: u.locale,
});

export const actorOf = (u: CurrentUser): Actor => ({ id: u.id, label: u.email, role: u.role });

async function assertEmailFree(client: Db | Tx, email: string): Promise<void> {
  if (await client.user.findUnique({ where: { email } })) throw new Invalid({ email: N_("A user with this email already exists.") });
}

export async function createUser(db: Db, actor: Actor, input: unknown): Promise<CurrentUser> {
  const data = parse(newUserSchema, input);
  await assertEmailFree(db, data.email); // before the deliberately slow hash
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, data.email); // again: another request may have taken it while we hashed
    const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash } });
    await recordAudit(tx, actor, {
      action: "user.create",
      subjectType: "user",
      subjectId: user.id,
      changes: { email: [null, user.email], role: [null, user.role] },
    });
    return toCurrent(user);
  });
}

export async function changeRole(db: Db, actor: Actor, userId: number, input: unknown): Promise<CurrentUser> {
  const { role } = parse(roleChangeSchema, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFound(N_("That user"));
    if (user.role === role) return toCurrent(user);
    if (user.role === "admin" && !user.disabledAt && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) === 1) {
      throw new Invalid({ role: N_("This is the last admin; make another user admin first.") });
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, actor, { action: "user.role", subjectType: "user", subjectId: userId, changes: { role: [user.role, role] } });
    return toCurrent(updated);
  });
}

/**
 * The account of that email (or null) and whether the password is its own.
 * Takes the same time either way; throws Busy when too many are being checked.
 */
export async function checkPassword(db: Db, email: string, password: string, ticket?: Ticket) {
  const account = await db.user.findUnique({ where: { email: normalEmail(email) } });
  const ok = await verifyPassword(account?.passwordHash, password, ticket);
  return { account, ok: ok && account !== null };
}

/** The user whose email and password match (disabled or not), or null. */
export async function authenticate(db: Db, email: string, password: string): Promise<CurrentUser | null> {
  const { account, ok } = await checkPassword(db, email, password);
  return ok ? toCurrent(account!) : null;
}

type AccountRow = Parameters<typeof toCurrent>[0] & { disabledAt: string | null; sessionGeneration: number };
// read on every request, from the read model's prepared statements (no ORM round trip)
const ACCOUNT = `SELECT id, email, name, role, locale, "disabledAt", "sessionGeneration" FROM "User" WHERE id = ?`;
const TOKEN = `SELECT t.id AS "tokenId", t."lastUsedAt", t."revokedAt", u.id, u.email, u.name, u.role, u.locale, u."disabledAt", u."sessionGeneration"
  FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE t."tokenHash" = ?`;

/** The user of a session, read on every request: null once the account is disabled or its password changed since. */
export async function sessionUser(db: Db, id: number, generation: number): Promise<CurrentUser | null> {
  const user = await reads(db).get<AccountRow>(ACCOUNT, id);
  return user && !user.disabledAt && user.sessionGeneration === generation ? toCurrent(user) : null;
}

export async function findUserByEmail(db: Db, email: string): Promise<CurrentUser> {
  const user = await db.user.findUnique({ where: { email: normalEmail(email) } });
  if (!user) throw new NotFound(msg("The user {email}", { email }));
  return toCurrent(user);
}

/**
 * Sets the language the account's pages are shown in; null follows the
 * browser. Audited like every other change to an account (user.locale); the
 * same choice again writes nothing.
 */
export async function setLocale(db: Db, actor: Actor, userId: number, input: unknown): Promise<CurrentUser> {
  const { locale } = parse(localeSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (before.locale === locale) return toCurrent(before);
    const user = await tx.user.update({ where: { id: userId }, data: { locale } });
    await recordAudit(tx, actor, { action: "user.locale", subjectType: "user", subjectId: userId, changes: { locale: [before.locale, locale] } });
    return toCurrent(user);
  });
}

export const listUsers = (db: Db) =>
  db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, name: true, role: true, createdAt: true, disabledAt: true } });

export const countUsers = (db: Db) => db.user.count();

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a new API token; only its hash is stored, so this is the one time it can be read. */
export async function issueToken(db: Db, actor: Actor, email: string): Promise<string> {
  const user = await findUserByEmail(db, email);
  const token = "ct_" + randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId: user.id, tokenHash: tokenHash(token) } });
    await recordAudit(tx, actor, { action: "user.token", subjectType: "user", subjectId: user.id, changes: { token: [null, `#${row.id}`] } });
  });
  return token;
}

// lastUsedAt is written at most this often, so that API reads do not each write to the database.
const LAST_USED_EVERY_MS = 5 * 60 * 1000;

/** The owner of a token, read on every call: null once the token is revoked or the account disabled. */
export async function userForToken(db: Db, token: string): Promise<CurrentUser | null> {
  const row = await reads(db).get<AccountRow & { tokenId: number; lastUsedAt: string | null; revokedAt: string | null }>(TOKEN, tokenHash(token));
  if (!row || row.revokedAt || row.disabledAt) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() >= LAST_USED_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.tokenId }, data: { lastUsedAt: now } }).catch(skipIfFault);
  }
  return toCurrent(row);
}
