import { z } from "zod";
import { inTransaction, type DbOrTx } from "../db.ts";
import { Conflict, Invalid } from "../errors.ts";
import { parse, requiredText, version } from "../validation.ts";
import { N_ } from "../i18n/i18n.ts";
import { recordAudit, type Actor } from "../audit/audit.service.ts";
import { getClaim } from "./claims.query.ts";
import { claimAtVersion } from "./claims.service.ts";

export const reviewSchema = z.object({
  note: requiredText(5000, N_("A note on what you checked")),
  version: version.optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/**
 * Clears a claim's "needs review" flag: the editor says what they checked,
 * and the note is the audit event's reason. A claim that is not flagged is
 * refused (422), so a review is never recorded twice.
 */
export async function reviewClaim(db: DbOrTx, actor: Actor, id: number, input: unknown) {
  const data = parse(reviewSchema, input);
  await inTransaction(db, async (tx) => {
    const current = await claimAtVersion(tx, id, data.version);
    if (!current.needsReview) throw new Invalid({ needsReview: N_("This claim is not waiting for review; someone may have reviewed it already.") });
    // the where on version and flag makes a lost update impossible even between the read and this write
    const { count } = await tx.claim.updateMany({
      where: { id, version: current.version, needsReview: true },
      data: { needsReview: false, reviewReason: "", version: { increment: 1 } },
    });
    if (count !== 1) throw new Conflict(N_("Someone changed this claim at the same moment. Nothing was saved."));
    await recordAudit(tx, actor, { action: "claim.review", subjectType: "claim", subjectId: id, changes: { needsReview: [true, false] }, reason: data.note });
  });
  return getClaim(db, id);
}
