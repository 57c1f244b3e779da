import { Router } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { claimReview, type ClaimReview } from "./claimreview.ts";
import { getClaim, type ClaimDetail } from "../claims/claims.query.ts";
import { isResolved } from "../claims/status.ts";

/** The ClaimReview of a resolved claim (what it names, its sources' authors included), or null while it is open. */
export function claimReviewFor(config: Config, claim: ClaimDetail): ClaimReview | null {
  const { status } = claim;
  if (!isResolved(status)) return null;
  return claimReview({ ...claim, status }, { url: `${config.publicUrl}/claims/${claim.id}`, newsroom: { name: config.newsroomName, url: config.newsroomUrl } });
}

export function claimReviewRouter(db: Db, config: Config) {
  return mount(withIds(Router(), { id: N_("That claim") }), [
    route("get", "/claims/:id/claimreview.json", [], async (req, res) => {
      const id = idParam(req);
      const review = claimReviewFor(config, await getClaim(db, id));
      if (!review) throw new AppError(404, "not_found", msg("Claim #{id} is still open; it has a ClaimReview once it is resolved.", { id: String(id) }));
      res.type("application/ld+json; charset=utf-8").send(JSON.stringify(review));
    }),
  ]);
}
