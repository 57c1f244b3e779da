import { Router, type Request, type Response } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db.ts";
import { Conflict, type FieldErrors, type Invalid } from "../errors.ts";
import { can, requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, withIds, route, formBody } from "../http/routes.ts";
import { pageHistory } from "../audit/audit.query.ts";
import { actorOf } from "../users/users.service.ts";
import { claimReviewFor } from "../claimreview/claimreview.routes.ts";
import { scriptJson } from "../claimreview/claimreview.ts";
import { parse } from "../validation.ts";
import { entityOptions, getClaim, sourceOptions, type ClaimDetail } from "./claims.query.ts";
import { CLAIM_CHOICES, pickerSchema, similarSchema } from "./claims.schema.ts";
import { createClaim, updateClaim } from "./claims.service.ts";
import { timeFormValues } from "./claims.time.ts";
import { timeWarnings } from "./occurred.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { similarClaims } from "./similar.ts";
import { claimWorkflowRouter } from "./claims.workflow.routes.ts";
import { claimsListRouter } from "./claims.list.routes.ts";
import { resolutionStory } from "./resolution.query.ts";
import { claimConflict } from "./conflict.ts";
import { FIELD } from "./claim.fields.ts";
import { storiesOfClaim } from "../stories/stories.query.ts";
import { deskOf } from "./claim.desk.ts";

const editor = [requireRole("editor")];
/** The pickers' part of any input; a body that is not an object (a JSON list) has none. */
const pickers = (input: unknown) => pickerSchema.safeParse(input).data ?? pickerSchema.parse({});

type FormValues = Record<string, string | string[]>;

/** A claim as the edit form's fields: strings, times in the claim's own zone. */
function formValues(c: ClaimDetail): FormValues {
  return {
    statement: c.statement,
    context: c.context,
    status: c.status,
    confidence: String(c.confidence),
    ...timeFormValues(c),
    occurredAtText: c.occurredAtText,
    entityIds: c.entities.map((e) => String(e.id)),
    version: String(c.version),
  };
}

export function claimsRouter(db: Db, config: Config) {
  /** The pickers' choices for the form's input (or the claim as it is): what is ticked, and what the find boxes ask for. */
  const options = async (input: unknown, claimId?: number) => {
    const p = pickers(input);
    return {
      entities: await entityOptions(db, p.entityIds, p.findEntities),
      sources: await sourceOptions(db, claimId, p.sourceIds, p.findSources),
      ...CLAIM_CHOICES,
      fields: FIELD,
    };
  };
  const finding = (req: Request) => pickers(req.body).find !== undefined;

  async function show(req: Request, res: Response) {
    const claim = await getClaim(db, idParam(req));
    const review = claimReviewFor(config, claim);
    const jsonLd = review && scriptJson(review);
    const { findSources } = pickers(req.query);
    const resolution = await resolutionStory(db, claim.id);
    res.render("claims/show", {
      title: msg("Claim #{id}", { id: String(claim.id) }),
      claim,
      jsonLd,
      resolution,
      inStories: await storiesOfClaim(db, claim.id),
      // the evidence form's choices, for those who may add evidence
      sources: can(req.user, "editor") ? await sourceOptions(db, claim.id, [], findSources) : [],
      values: { findSources },
      errors: {},
      ...CLAIM_CHOICES,
      ...(await deskOf(db, claim.id, req.user!)),
    });
  }

  async function history(req: Request, res: Response) {
    const claim = await getClaim(db, idParam(req));
    res.render("claims/history", { title: msg("History of claim #{id}", { id: String(claim.id) }), claim, ...(await pageHistory(db, "claim", claim.id)) });
  }

  const newForm = async (_req: Request, res: Response) =>
    res.render("claims/new", {
      title: msg("New claim"),
      values: { status: "unverified", confidence: "50", occurredZone: "UTC" },
      errors: {},
      ...(await options({})),
    });

  const newAgain = async (req: Request, res: Response, status: number, errors: FieldErrors, similar?: unknown) =>
    res
      .status(status)
      .render("claims/new", { title: msg("New claim"), values: formBody(req), errors, ...(similar ? { similar } : {}), ...(await options(formBody(req))) });

  async function create(req: Request, res: Response) {
    if (finding(req)) return newAgain(req, res, 200, {});
    const claim = await createClaim(db, actorOf(req.user!), req.body);
    flash(req, "success", msg("Claim #{id} created.", { id: String(claim.id) }));
    for (const warning of timeWarnings(claim, req.t)) flash(req, "info", warning);
    res.redirect(`/claims/${claim.id}`);
  }

  /** The new-claim form again, as typed, with the claims that look like it; nothing is saved. */
  async function similar(req: Request, res: Response) {
    const { statement } = parse(similarSchema, req.body);
    await newAgain(req, res, 200, {}, await similarClaims(db, statement));
  }

  const newInvalid = (req: Request, res: Response, err: Invalid | Conflict) => newAgain(req, res, err.status, "fields" in err ? err.fields : {});

  async function edit(req: Request, res: Response) {
    const claim = await getClaim(db, idParam(req));
    const values = formValues(claim);
    res.render("claims/edit", { title: msg("Edit claim #{id}", { id: String(claim.id) }), claim, values, errors: {}, ...(await options(values, claim.id)) });
  }

  async function update(req: Request, res: Response) {
    if (finding(req)) {
      const claim = await getClaim(db, idParam(req));
      return void res.render("claims/edit", {
        title: msg("Edit claim #{id}", { id: String(claim.id) }),
        claim,
        values: formBody(req),
        errors: {},
        ...(await options(req.body, claim.id)),
      });
    }
    const claim = await updateClaim(db, actorOf(req.user!), idParam(req), req.body);
    flash(req, "success", msg("Claim #{id} saved (version {version}).", { id: String(claim.id), version: String(claim.version) }));
    for (const warning of timeWarnings(claim, req.t)) flash(req, "info", warning);
    res.redirect(`/claims/${claim.id}`);
  }

  /** 422: the form again with messages; 409: both versions side by side, the editor's input kept. */
  async function editInvalid(req: Request, res: Response, err: Invalid | Conflict) {
    const claim = await getClaim(db, idParam(req));
    const values = { ...req.body } as FormValues;
    if (err instanceof Conflict) {
      const current = formValues(claim);
      const compared = await claimConflict(db, claim.id, current, values);
      return res.status(409).render("claims/conflict", {
        title: msg("Edit conflict on claim #{id}", { id: String(claim.id) }),
        claim,
        current,
        ...compared,
        values: { ...values, version: current.version },
        message: err.text,
        errors: {},
        ...(await options(values, claim.id)),
      });
    }
    res.status(422).render("claims/edit", {
      title: msg("Edit claim #{id}", { id: String(claim.id) }),
      claim,
      values,
      errors: err.fields,
      ...(await options(values, claim.id)),
    });
  }

  const router = mount(withIds(Router(), { id: N_("That claim") }), [
    route("get", "/claims/new", editor, newForm),
    route("post", "/claims", editor, create, newInvalid),
    route("post", "/claims/similar", editor, similar, newInvalid),
    route("get", "/claims/:id", [], show),
    route("get", "/claims/:id/edit", editor, edit),
    route("post", "/claims/:id", editor, update, editInvalid),
    route("get", "/claims/:id/history", [], history),
  ]);
  return router.use(claimsListRouter(db), claimWorkflowRouter(db));
}
