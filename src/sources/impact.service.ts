import type { Tx } from "../db.ts";
import { recordAudit, type Actor } from "../audit/audit.service.ts";

/**
 * Puts into the "needs review" queue every claim whose status or confidence
 * rested on a source just marked unreliable, one audited change each. Runs in
 * the caller's transaction: the rating and its flags are saved together or
 * not at all. Claims already flagged are left alone. Returns how many it flagged.
 */
export async function flagClaimsCiting(tx: Tx, actor: Actor, source: { id: number; title: string }): Promise<number> {
  const reason = `Source “${source.title}” was marked unreliable`;
  let flagged = 0;
  // the claims whose status or confidence changes cited it (SourceCitation), latest citing change first
  const citations = await tx.sourceCitation.findMany({ where: { sourceId: source.id }, orderBy: { eventId: "desc" }, select: { claimId: true } });
  for (const claimId of new Set(citations.map((c) => c.claimId))) {
    // a claim already flagged is left alone
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, needsReview: false },
      data: { needsReview: true, reviewReason: reason, version: { increment: 1 } },
    });
    if (count !== 1) continue;
    await recordAudit(tx, actor, {
      action: "claim.flag",
      subjectType: "claim",
      subjectId: claimId,
      changes: { needsReview: [false, true] },
      reason,
      sourceIds: [source.id],
    });
    flagged++;
  }
  return flagged;
}
