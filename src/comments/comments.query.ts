import type { Db, DbOrTx } from "../db.ts";

/** A comment as the API and the claim page show it: its author by id, name and e-mail. */
export interface CommentJson {
  id: number;
  body: string;
  author: { id: number; name: string; email: string } | null;
  createdAt: Date;
}

type Row = { id: number; body: string; authorId: number; createdAt: Date };

/** Rows with their authors, read in one query for all of them (an account that is gone leaves null). */
export async function withAuthors(db: DbOrTx, rows: Row[]): Promise<CommentJson[]> {
  const ids = [...new Set(rows.map((r) => r.authorId))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({ id: r.id, body: r.body, author: byId.get(r.authorId) ?? null, createdAt: r.createdAt }));
}

/** A claim's discussion, oldest first. */
export async function commentsOf(db: Db, claimId: number): Promise<CommentJson[]> {
  const rows = await db.comment.findMany({ where: { claimId }, orderBy: { id: "asc" }, select: { id: true, body: true, authorId: true, createdAt: true } });
  return withAuthors(db, rows);
}
