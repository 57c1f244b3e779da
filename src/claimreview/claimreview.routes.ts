import { Router } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { claimReview, type ClaimReview } from "./claimreview.ts";
import { reviewedClaim } from "./claimreview.query.ts";

/** The ClaimReview of a resolved claim, or null while it is open (404 when there is no such claim). */
export async function claimReviewFor(db: Db, config: Config, id: number): Promise<ClaimReview | null> {
  const claim = await reviewedClaim(db, id);
  if (!claim) return null;
  return claimReview(claim, { url: `${config.publicUrl}/claims/${id}`, newsroom: { name: config.newsroomName, url: config.newsroomUrl } });
}

export function claimReviewRouter(db: Db, config: Config) {
  return mount(withIds(Router(), { id: N_("That claim") }), [
    route("get", "/claims/:id/claimreview.json", [], async (req, res) => {
      const id = idParam(req);
      const review = await claimReviewFor(db, config, id);
      if (!review) throw new AppError(404, "not_found", msg("Claim #{id} is still open; it has a ClaimReview once it is resolved.", { id: String(id) }));
      res.type("application/ld+json; charset=utf-8").send(JSON.stringify(review));
    }),
  ]);
}
