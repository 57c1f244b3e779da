import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Conflict, type Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { mount, paramId, route } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { getClaim } from "./claims.query.ts";
import { reviewClaim } from "./review.service.ts";

const editor = [requireRole("editor")];
const claimId = (req: Request) => paramId(req.params.id, "That claim");
const FORM = { partial: "_needs-review", heading: "Review" };

/** Clearing a claim's "needs review" flag from its page (the box at the top). */
export function needsReviewRouter(db: Db) {
  async function review(req: Request, res: Response) {
    const claim = await reviewClaim(db, actorOf(req.user!), claimId(req), req.body);
    flash(req, "success", `Claim #${claim.id} reviewed; it has left the review queue.`);
    res.redirect(`/claims/${claim.id}`);
  }

  /** 422 keeps the note beside the message; 409 keeps it too, now on the current version. */
  async function reviewInvalid(req: Request, res: Response, err: Invalid | Conflict) {
    const claim = await getClaim(db, claimId(req));
    const conflict = err instanceof Conflict;
    res.status(err.status).render("claims/action", {
      title: `Review claim #${claim.id}`,
      claim,
      form: FORM,
      values: conflict ? { ...req.body, version: String(claim.version) } : req.body,
      errors: conflict ? {} : err.fields,
      message: conflict ? err.message : "",
      sources: [],
    });
  }

  return mount(Router(), [route("post", "/claims/:id/review", editor, review, reviewInvalid)]);
}

/** The same move over the JSON API: POST /api/claims/:id/review { note, version? }. */
export function needsReviewApi(db: Db) {
  return mount(Router(), [
    route("post", "/claims/:id/review", editor, async (req, res) => void res.json(await reviewClaim(db, actorOf(req.user!), claimId(req), req.body))),
  ]);
}
