import { Router, type Request, type Response } from "express";
import { msg, N_ } from "../i18n/i18n.ts";
import type { Db } from "../db.ts";
import { Conflict, Duplicate, Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { parse } from "../validation.ts";
import { getEntity, listEntities, type EntityDetail } from "./entities.query.ts";
import { KIND_CHOICES, entityQuerySchema } from "./entities.schema.ts";
import { createEntity, updateEntity } from "./entities.service.ts";
import { entityPageRouter } from "./entities.page.routes.ts";
import { isolate } from "../text.ts";

const editor = [requireRole("editor")];

const blank = { name: "", kind: "person", description: "", aliases: "", version: "" };

/** The form's values from the record: aliases one a line, as the textarea takes them. */
const fromEntity = (e: EntityDetail) => ({ name: e.name, kind: e.kind, description: e.description, aliases: e.aliases.join("\n"), version: String(e.version) });

/** The form's values as the editor sent them, so nothing typed is lost on a 422 or 409. */
function fromBody(body: unknown): typeof blank {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (Array.isArray(v) ? v.join("\n") : typeof v === "string" ? v : "");
  return { name: str(b.name), kind: str(b.kind), description: str(b.description), aliases: str(b.aliases), version: str(b.version) };
}

export function entitiesRouter(db: Db) {
  async function index(req: Request, res: Response) {
    const filters = parse(entityQuerySchema, req.query);
    res.render("entities/index", { title: req.t("People and organisations"), ...(await listEntities(db, filters)), filters, ...KIND_CHOICES });
  }

  const newForm = (req: Request, res: Response) =>
    res.render("entities/new", { title: req.t("New person or organisation"), values: blank, errors: {}, ...KIND_CHOICES });

  async function create(req: Request, res: Response) {
    const entity = await createEntity(db, actorOf(req.user!), req.body);
    flash(req, "success", msg("Added {name}.", { name: isolate(entity.name) }));
    res.redirect(`/entities/${entity.id}`);
  }

  async function editForm(req: Request, res: Response) {
    const entity = await getEntity(db, idParam(req));
    res.render("entities/edit", {
      title: req.t("Edit {name}", { name: entity.name }),
      entity,
      values: fromEntity(entity),
      errors: {},
      conflict: null,
      ...KIND_CHOICES,
    });
  }

  async function update(req: Request, res: Response) {
    const entity = await updateEntity(db, actorOf(req.user!), idParam(req), req.body);
    const changed = String(entity.version) !== fromBody(req.body).version;
    flash(req, changed ? "success" : "info", changed ? msg("Saved {name}.", { name: isolate(entity.name) }) : N_("Nothing changed, so nothing was saved."));
    res.redirect(`/entities/${entity.id}`);
  }

  // 422: the form again with the messages; 409 duplicate: the entity it looks
  // like, and the box to go ahead; 409 stale: the current record beside the
  // editor's values, which now carry the current version so a resubmit saves them.
  async function formError(req: Request, res: Response, err: Invalid | Conflict) {
    const values = fromBody(req.body);
    const errors = err instanceof Invalid ? err.fields : {};
    const duplicate = err instanceof Duplicate ? err.existing : null;
    res.status(err.status);
    if (!req.params.id) return void res.render("entities/new", { title: req.t("New person or organisation"), values, errors, duplicate, ...KIND_CHOICES });
    const entity = await getEntity(db, idParam(req));
    const conflict = err instanceof Conflict && !duplicate ? err.text : null;
    res.render("entities/edit", {
      title: req.t("Edit {name}", { name: entity.name }),
      entity,
      values: conflict ? { ...values, version: String(entity.version) } : values,
      errors,
      conflict,
      duplicate,
      ...KIND_CHOICES,
    });
  }

  const router = mount(withIds(Router(), { id: N_("That entity") }), [
    route("get", "/entities", [], index),
    route("get", "/entities/new", editor, newForm),
    route("post", "/entities", editor, create, formError),
    route("get", "/entities/:id/edit", editor, editForm),
    route("post", "/entities/:id", editor, update, formError),
  ]);
  // after /entities/new, which /entities/:id would otherwise take for an id
  return router.use(entityPageRouter(db));
}
