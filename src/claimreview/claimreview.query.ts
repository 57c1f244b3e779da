import type { Db } from "../db.ts";
import { NotFound } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import { isResolved } from "../claims/status.ts";
import type { ReviewedClaim } from "./claimreview.ts";

/** A claim with what its ClaimReview names (its sources' authors included), or null while it is open. */
export async function reviewedClaim(db: Db, id: number): Promise<ReviewedClaim | null> {
  const claim = await db.claim.findUnique({
    where: { id },
    select: {
      statement: true,
      status: true,
      confidence: true,
      occurredAt: true,
      firstReportedAt: true,
      resolutionNote: true,
      resolvedAt: true,
      evidence: {
        orderBy: { id: "asc" },
        select: { stance: true, source: { select: { id: true, title: true, url: true, publisher: true, author: true, publishedAt: true } } },
      },
    },
  });
  if (!claim) throw new NotFound(msg("Claim #{id}", { id: String(id) }));
  const { status } = claim;
  return isResolved(status) ? { ...claim, status } : null;
}
