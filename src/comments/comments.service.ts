import { inTransaction, type DbOrTx } from "../db.ts";
import { NotFound } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import { recordAudit, type Actor } from "../audit/audit.service.ts";
import { parse } from "../validation.ts";
import { commentSchema } from "./comments.schema.ts";
import { withAuthors, type CommentJson } from "./comments.query.ts";

/**
 * Posts a comment on a claim: the row and its comment.add event in one
 * transaction. The event carries the text, so the audit chain holds the
 * discussion too; the triggers make the author watch the claim and tell its
 * watchers. There is no edit or delete: a correction is another comment.
 */
export async function addComment(db: DbOrTx, actor: Actor & { id: number }, claimId: number, input: unknown): Promise<CommentJson> {
  const { body } = parse(commentSchema, input);
  return inTransaction(db, async (tx) => {
    if (!(await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw new NotFound(msg("Claim #{id}", { id: String(claimId) }));
    const comment = await tx.comment.create({ data: { claimId, authorId: actor.id, body } });
    await recordAudit(tx, actor, {
      action: "comment.add",
      subjectType: "claim",
      subjectId: claimId,
      changes: { comment: [null, { id: comment.id, body }] },
    });
    return (await withAuthors(tx, [comment]))[0]!;
  });
}
