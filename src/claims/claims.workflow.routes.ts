import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Conflict, NotFound, type FieldErrors, type Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { mount, paramId, route, type Handler } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { getClaim, sourceOptions } from "./claims.query.ts";
import { reopenClaim, resolveClaim } from "./claims.service.ts";
import { addEvidence, removeEvidence } from "./evidence.service.ts";
import { OPEN_STATUSES, RESOLVED_STATUSES, STATUS_LABELS } from "./status.ts";
import { isolate } from "../text.ts";

const editor = [requireRole("editor")];
const claimId = (req: Request) => paramId(req.params.id, "That claim");

/** The workflow forms; each has a partial, shown on the claim's page or on a page of its own (and again there for errors). */
const FORMS = {
  resolve: { partial: "_resolve", title: (id: number) => `Resolve claim #${id}` },
  reopen: { partial: "_reopen", title: (id: number) => `Reopen claim #${id}` },
  evidence: { partial: "_evidence", title: (id: number) => `Add evidence to claim #${id}` },
  removeEvidence: { partial: "_remove-evidence", title: (id: number) => `Remove evidence from claim #${id}` },
} as const;
type FormName = keyof typeof FORMS;

/** Resolving, reopening and evidence: the workflow moves on a claim's page. */
export function claimWorkflowRouter(db: Db) {
  async function renderForm(req: Request, res: Response, form: FormName, status: number, errors: FieldErrors, message = "") {
    const claim = await getClaim(db, claimId(req));
    // the evidence a removal is about: one of this claim's, or the page does not exist
    const evidence = req.params.evidenceId === undefined ? null : claim.evidence.find((e) => e.id === paramId(req.params.evidenceId, "That evidence"));
    if (evidence === undefined) throw new NotFound("That evidence");
    const values = status === 200 ? {} : { ...req.body, version: String(claim.version) };
    res.status(status).render("claims/action", {
      title: FORMS[form].title(claim.id),
      claim, evidence, form: FORMS[form], values, errors, message, sources: await sourceOptions(db, claim.id),
    });
  }

  /** 422 keeps the input beside the messages; 409 keeps it too, now on the current version. */
  const onError = (form: FormName) => (req: Request, res: Response, err: Invalid | Conflict) =>
    err instanceof Conflict ? renderForm(req, res, form, 409, {}, err.message) : renderForm(req, res, form, 422, err.fields);

  const page = (form: FormName): Handler => (req, res) => renderForm(req, res, form, 200, {});

  async function resolve(req: Request, res: Response) {
    const claim = await resolveClaim(db, actorOf(req.user!), claimId(req), req.body);
    flash(req, "success", `Claim #${claim.id} resolved as ${STATUS_LABELS[claim.status as (typeof RESOLVED_STATUSES)[number]].toLowerCase()}.`);
    res.redirect(`/claims/${claim.id}`);
  }

  async function reopen(req: Request, res: Response) {
    const claim = await reopenClaim(db, actorOf(req.user!), claimId(req), req.body);
    flash(req, "success", `Claim #${claim.id} reopened as ${STATUS_LABELS[claim.status as (typeof OPEN_STATUSES)[number]].toLowerCase()}.`);
    res.redirect(`/claims/${claim.id}`);
  }

  async function evidence(req: Request, res: Response) {
    const added = await addEvidence(db, actorOf(req.user!), claimId(req), req.body);
    flash(req, "success", `Evidence from “${isolate(added.source.title)}” added.`);
    res.redirect(`/claims/${added.claimId}#evidence`);
  }

  async function unlink(req: Request, res: Response) {
    const id = claimId(req);
    await removeEvidence(db, actorOf(req.user!), id, paramId(req.params.evidenceId, "That evidence"), req.body);
    flash(req, "success", "Evidence removed. The reason is in the claim's history.");
    res.redirect(`/claims/${id}#evidence`);
  }

  return mount(Router(), [
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
