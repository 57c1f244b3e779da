import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Conflict, type Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, withIds, route, formBody } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { getClaim } from "./claims.query.ts";
import { reviewClaim } from "./review.service.ts";
import { msg, N_ } from "../i18n/i18n.ts";

const editor = [requireRole("editor")];
const FORM = { partial: "_needs-review" };

/** Clearing a claim's "needs review" flag from its page (the box at the top). */
export function needsReviewRouter(db: Db) {
  async function review(req: Request, res: Response) {
    const claim = await reviewClaim(db, actorOf(req.user!), idParam(req), req.body);
    flash(req, "success", msg("Claim #{id} reviewed; it has left the review queue.", { id: String(claim.id) }));
    res.redirect(`/claims/${claim.id}`);
  }

  /** 422 keeps the note beside the message; 409 keeps it too, now on the current version. */
  async function reviewInvalid(req: Request, res: Response, err: Invalid | Conflict) {
    const claim = await getClaim(db, idParam(req));
    const conflict = err instanceof Conflict;
    res.status(err.status).render("claims/action", {
      title: msg("Review claim #{id}", { id: String(claim.id) }),
      claim,
      form: FORM,
      values: conflict ? { ...formBody(req), version: String(claim.version) } : formBody(req),
      errors: conflict ? {} : err.fields,
      message: conflict ? err.text : "",
      sources: [],
    });
  }

  return mount(withIds(Router(), { id: N_("That claim") }), [route("post", "/claims/:id/review", editor, review, reviewInvalid)]);
}

/** The same move over the JSON API: POST /api/claims/:id/review { note, version? }. */
export function needsReviewApi(db: Db) {
  return mount(withIds(Router(), { id: N_("That claim") }), [
    route("post", "/claims/:id/review", editor, async (req, res) => void res.json(await reviewClaim(db, actorOf(req.user!), idParam(req), req.body))),
  ]);
}
