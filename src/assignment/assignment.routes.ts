import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Conflict, type Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { formBody, idParam, mount, route, withIds } from "../http/routes.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { actorOf } from "../users/users.service.ts";
import { getClaim } from "../claims/claims.query.ts";
import { updateClaim } from "../claims/claims.service.ts";
import { assignableUsers } from "./assignment.query.ts";

/** The claim page's assignment form: POST /claims/:id/assignee, the same service and rules as PATCH /api/claims/:id. */
export function assignmentRouter(db: Db) {
  async function assign(req: Request, res: Response) {
    const { assigneeId, version } = formBody(req);
    const claim = await updateClaim(db, actorOf(req.user!), idParam(req), { assigneeId, version });
    const who = claim.assignee && (claim.assignee.name || claim.assignee.email);
    flash(
      req,
      "success",
      who
        ? msg("Claim #{id} is assigned to {name}.", { id: String(claim.id), name: who })
        : msg("Claim #{id} is assigned to nobody.", { id: String(claim.id) }),
    );
    res.redirect(`/claims/${claim.id}`);
  }

  /** 422: the form again with the message; 409: the form on the claim as it is now, saying someone changed it. */
  async function again(req: Request, res: Response, err: Invalid | Conflict) {
    const claim = await getClaim(db, idParam(req));
    res.status(err.status).render("claims/action", {
      title: msg("Assign claim #{id}", { id: String(claim.id) }),
      claim,
      form: { partial: "_assign" },
      values: { assigneeId: typeof formBody(req).assigneeId === "string" ? formBody(req).assigneeId : "", version: String(claim.version) },
      errors: err instanceof Conflict ? {} : err.fields,
      message: err instanceof Conflict ? err.text : "",
      assignees: await assignableUsers(db),
    });
  }

  return mount(withIds(Router(), { id: N_("That claim") }), [route("post", "/claims/:id/assignee", [requireRole("editor")], assign, again)]);
}
