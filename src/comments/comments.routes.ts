import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import type { Conflict, Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { formBody, idParam, mount, route, withIds } from "../http/routes.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { actorOf } from "../users/users.service.ts";
import { getClaim } from "../claims/claims.query.ts";
import { addComment } from "./comments.service.ts";

/** The claim page's comment form: post, then back to the discussion; a bad comment comes back with its text. */
export function commentsRouter(db: Db) {
  async function post(req: Request, res: Response) {
    const comment = await addComment(db, { ...actorOf(req.user!), id: req.user!.id }, idParam(req), req.body);
    flash(req, "success", msg("Your comment is posted."));
    res.redirect(`/claims/${idParam(req)}#comment-${comment.id}`);
  }

  async function again(req: Request, res: Response, err: Invalid | Conflict) {
    const claim = await getClaim(db, idParam(req));
    res.status(err.status).render("claims/action", {
      title: msg("Comment on claim #{id}", { id: String(claim.id) }),
      claim,
      form: { partial: "_comment" },
      values: { body: typeof formBody(req).body === "string" ? formBody(req).body : "" },
      errors: "fields" in err ? err.fields : {},
      message: "fields" in err ? "" : err.text,
    });
  }

  return mount(withIds(Router(), { id: N_("That claim") }), [route("post", "/claims/:id/comments", [requireRole("editor")], post, again)]);
}
