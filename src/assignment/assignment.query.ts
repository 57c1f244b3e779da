import type { Db } from "../db.ts";
import { ASSIGNABLE_ROLES } from "./assignee.ts";

/** The active accounts, by name then e-mail: GET /api/users, the assignment picker's source. */
export async function activeUsers(db: Db) {
  const users = await db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, email: true, role: true }, orderBy: { id: "asc" } });
  return users.sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email) || a.id - b.id);
}

/** Whom the claim page's picker offers: the active editors and admins. */
export async function assignableUsers(db: Db) {
  return (await activeUsers(db)).filter((u) => (ASSIGNABLE_ROLES as readonly string[]).includes(u.role));
}
