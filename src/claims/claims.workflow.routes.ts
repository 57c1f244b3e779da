import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Conflict, NotFound, type FieldErrors, type Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, withIds, route, type Handler, formBody } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { getClaim, sourceOptions } from "./claims.query.ts";
import { CLAIM_CHOICES } from "./claims.schema.ts";
import { reopenClaim, resolveClaim } from "./claims.service.ts";
import { addEvidence, removeEvidence } from "./evidence.service.ts";
import { statusWord, type Status } from "./status.ts";
import { msg, N_, type Translatable } from "../i18n/i18n.ts";
import { isolate } from "../text.ts";

const editor = [requireRole("editor")];

/** The workflow forms; each has a partial, shown on the claim's page or on a page of its own (and again there for errors). */
const FORMS = {
  resolve: { partial: "_resolve", title: N_("Resolve claim #{id}") },
  reopen: { partial: "_reopen", title: N_("Reopen claim #{id}") },
  evidence: { partial: "_evidence", title: N_("Add evidence to claim #{id}") },
  removeEvidence: { partial: "_remove-evidence", title: N_("Remove evidence from claim #{id}") },
} as const;
type FormName = keyof typeof FORMS;

/** Resolving, reopening and evidence: the workflow moves on a claim's page. */
export function claimWorkflowRouter(db: Db) {
  async function renderForm(req: Request, res: Response, form: FormName, status: number, errors: FieldErrors, message: Translatable = "") {
    const claim = await getClaim(db, idParam(req));
    // the evidence a removal is about: one of this claim's, or the page does not exist
    const evidence = req.params.evidenceId === undefined ? null : claim.evidence.find((e) => e.id === idParam(req, "evidenceId"));
    if (evidence === undefined) throw new NotFound(N_("That evidence"));
    const values = status === 200 ? {} : { ...formBody(req), version: String(claim.version) };
    res.status(status).render("claims/action", {
      title: msg(FORMS[form].title, { id: String(claim.id) }),
      claim,
      evidence,
      form: FORMS[form],
      values,
      errors,
      message,
      sources: await sourceOptions(db, claim.id),
      ...CLAIM_CHOICES,
    });
  }

  /** 422 keeps the input beside the messages; 409 keeps it too, now on the current version. */
  const onError = (form: FormName) => (req: Request, res: Response, err: Invalid | Conflict) =>
    err instanceof Conflict ? renderForm(req, res, form, 409, {}, err.text) : renderForm(req, res, form, 422, err.fields);

  const page =
    (form: FormName): Handler =>
    (req, res) =>
      renderForm(req, res, form, 200, {});

  async function resolve(req: Request, res: Response) {
    const claim = await resolveClaim(db, actorOf(req.user!), idParam(req), req.body);
    flash(req, "success", msg("Claim #{id} resolved as {status}.", { id: String(claim.id), status: statusWord(claim.status as Status) }));
    res.redirect(`/claims/${claim.id}`);
  }

  async function reopen(req: Request, res: Response) {
    const claim = await reopenClaim(db, actorOf(req.user!), idParam(req), req.body);
    flash(req, "success", msg("Claim #{id} reopened as {status}.", { id: String(claim.id), status: statusWord(claim.status as Status) }));
    res.redirect(`/claims/${claim.id}`);
  }

  async function evidence(req: Request, res: Response) {
    const added = await addEvidence(db, actorOf(req.user!), idParam(req), req.body);
    flash(req, "success", msg("Evidence from “{title}” added.", { title: isolate(added.source.title) }));
    res.redirect(`/claims/${added.claimId}#evidence`);
  }

  async function unlink(req: Request, res: Response) {
    const id = idParam(req);
    await removeEvidence(db, actorOf(req.user!), id, idParam(req, "evidenceId"), req.body);
    flash(req, "success", N_("Evidence removed. The reason is in the claim's history."));
    res.redirect(`/claims/${id}#evidence`);
  }

  return mount(withIds(Router(), { id: N_("That claim"), evidenceId: N_("That evidence") }), [
    route("get", "/claims/:id/resolve", editor, page("resolve")),
    route("post", "/claims/:id/resolution", editor, resolve, onError("resolve")),
    route("get", "/claims/:id/reopen", editor, page("reopen")),
    route("post", "/claims/:id/reopen", editor, reopen, onError("reopen")),
    route("get", "/claims/:id/evidence/new", editor, page("evidence")),
    route("post", "/claims/:id/evidence", editor, evidence, onError("evidence")),
    route("get", "/claims/:id/evidence/:evidenceId/delete", editor, page("removeEvidence")),
    route("post", "/claims/:id/evidence/:evidenceId/delete", editor, unlink, onError("removeEvidence")),
  ]);
}
