import type { Db } from "../db.ts";
import { getClaim } from "../claims/claims.query.ts";
import { isResolved } from "../claims/status.ts";
import type { ReviewedClaim } from "./claimreview.ts";

/** A claim with what its ClaimReview names (its sources' authors included), or null while it is open. */
export async function reviewedClaim(db: Db, id: number): Promise<ReviewedClaim | null> {
  const claim = await getClaim(db, id);
  const { status } = claim;
  return isResolved(status) ? { ...claim, status } : null;
}
