// What the claim page shows of the desk: who holds the claim and whom it
// could go to, its discussion, and whether the reader watches it.
import type { Db } from "../db.ts";
import { can, type SignedIn } from "../http/auth.ts";
import { assignableUsers } from "../assignment/assignment.query.ts";
import { commentsOf } from "../comments/comments.query.ts";
import { isWatching } from "../inbox/inbox.query.ts";

export async function deskOf(db: Db, claimId: number, user: SignedIn) {
  const [comments, watching, assignees] = await Promise.all([
    commentsOf(db, claimId),
    isWatching(db, user.id, claimId),
    can(user, "editor") ? assignableUsers(db) : Promise.resolve([]),
  ]);
  return { comments, watching, assignees };
}
