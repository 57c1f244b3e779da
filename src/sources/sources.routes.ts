import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Conflict, Duplicate, Invalid, type ExistingRecord, type FieldErrors } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, withIds, route, type FormRenderer, formBody } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { parse } from "../validation.ts";
import { msg, msgn, N_ } from "../i18n/i18n.ts";
import { pageHistory } from "../audit/audit.query.ts";
import { lastChange } from "../audit/audit.names.ts";
import { getSource, listSources } from "./sources.query.ts";
import { RELIABILITY, RELIABILITY_LABELS, SOURCE_KINDS, SOURCE_KIND_LABELS, sourceListQuerySchema } from "./sources.schema.ts";
import { createSource, updateSource } from "./sources.service.ts";

const editor = [requireRole("editor")];
const options = { kinds: SOURCE_KINDS, reliabilities: RELIABILITY, kindLabels: SOURCE_KIND_LABELS, reliabilityLabels: RELIABILITY_LABELS };
const blank = { title: "", publisher: "", author: "", url: "", publishedAt: "", kind: "other", reliability: "unknown", notes: "" };

/** The new and edit pages share _form.ejs; `values` is the record or the editor's input; `duplicate` the source a 409 says it looks like. */
function renderForm(res: Response, view: "new" | "edit", values: Record<string, unknown>, errors: FieldErrors = {}, duplicate: ExistingRecord | null = null) {
  res.render(`sources/${view}`, { title: view === "new" ? res.req.t("New source") : res.req.t("Edit source"), values, errors, duplicate, ...options });
}

const createForm: FormRenderer = (req, res, err) => {
  res.status(err.status);
  renderForm(res, "new", { ...blank, ...formBody(req) }, err instanceof Invalid ? err.fields : {}, err instanceof Duplicate ? err.existing : null);
};

/** 422 back to the edit form, 409 duplicate to it with the source it looks like, or 409 stale to the conflict page: the current record and who saved it beside the input, which is kept. */
const updateForm =
  (db: Db): FormRenderer =>
  async (req, res, err) => {
    const values = { ...blank, ...formBody(req), id: idParam(req) };
    if (err instanceof Duplicate) return void renderForm(res.status(409), "edit", values, {}, err.existing);
    if (err instanceof Conflict) {
      const savedBy = await lastChange(db, "source", idParam(req));
      res.status(409).render("sources/conflict", { title: req.t("Edit conflict"), message: err.text, current: err.current, savedBy, values, ...options });
      return;
    }
    res.status(422);
    renderForm(res, "edit", values, err.fields);
  };

export function sourcesRouter(db: Db) {
  async function index(req: Request, res: Response) {
    const f = parse(sourceListQuerySchema, req.query);
    const page = await listSources(db, f);
    res.render("sources/index", { title: req.t("Sources"), ...page, query: { q: f.q ?? "", kind: f.kind ?? "" }, paged: !!f.cursor, ...options });
  }

  async function show(req: Request, res: Response) {
    const source = await getSource(db, idParam(req));
    res.render("sources/show", { title: source.title, source, ...options, ...(await pageHistory(db, "source", source.id)) });
  }

  async function create(req: Request, res: Response) {
    const source = await createSource(db, actorOf(req.user!), req.body);
    flash(req, "success", msg("Source #{id} added.", { id: String(source.id) }));
    res.redirect(`/sources/${source.id}`);
  }

  async function update(req: Request, res: Response) {
    const source = await updateSource(db, actorOf(req.user!), idParam(req), req.body);
    const unchanged = source.version === Number((req.body as { version?: unknown } | undefined)?.version);
    if (unchanged) flash(req, "info", N_("Nothing changed."));
    else if (!source.flaggedClaims) flash(req, "success", N_("Source saved."));
    else flash(req, "success", msgn("Source saved. {count} claim now needs review.", "Source saved. {count} claims now need review.", source.flaggedClaims));
    res.redirect(`/sources/${source.id}`);
  }

  return mount(withIds(Router(), { id: N_("That source") }), [
    route("get", "/sources", [], index),
    route("get", "/sources/new", editor, (_req, res) => renderForm(res, "new", blank)),
    route("post", "/sources", editor, create, createForm),
    route("get", "/sources/:id", [], show),
    route("get", "/sources/:id/edit", editor, async (req, res) => renderForm(res, "edit", await getSource(db, idParam(req)))),
    route("post", "/sources/:id", editor, update, updateForm(db)),
  ]);
}
