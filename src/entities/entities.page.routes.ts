import { Router, type Request, type Response } from "express";
import { msg, N_, type Translatable } from "../i18n/i18n.ts";
import type { Db } from "../db.ts";
import { Conflict, Invalid, NotFound, type FieldErrors } from "../errors.ts";
import { can, requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, withIds, route, formBody } from "../http/routes.ts";
import { actorOf, type CurrentUser } from "../users/users.service.ts";
import { pageHistory } from "../audit/audit.query.ts";
import { addAlias, removeAlias } from "./aliases.service.ts";
import { findEntity, getEntity, mergeCandidates, mergedInto, type EntityDetail } from "./entities.query.ts";
import { mergeEntities } from "./merge.service.ts";
import { isolate } from "../text.ts";

const editor = [requireRole("editor")];

/** Which of the page's forms an error belongs to, so its messages and input show in that form only. */
type PageForm = "alias" | "merge" | "remove";

interface PageState {
  failed: PageForm | null;
  errors: FieldErrors;
  values: Record<string, unknown>;
  conflict: Translatable | null;
}
const fresh: PageState = { failed: null, errors: {}, values: {}, conflict: null };

/** An entity's page and the forms on it: add or remove an alias, merge another entity into this one. */
export function entityPageRouter(db: Db) {
  async function render(res: Response, entity: EntityDetail, status: number, state: PageState) {
    res.status(status).render("entities/show", {
      title: entity.name,
      entity,
      // the merge form is an editor's: a reader's page does not count every namesake's claims
      candidates: can(res.locals.user as CurrentUser | null, "editor") ? await mergeCandidates(db, entity) : [],
      ...state,
      ...(await pageHistory(db, "entity", entity.id)),
    });
  }

  // A merged entity's id is gone; its old links lead to the entity that absorbed it.
  async function show(req: Request, res: Response) {
    const id = idParam(req);
    const entity = await findEntity(db, id);
    if (entity) return render(res, entity, 200, fresh);
    const { formerName, survivor } = await mergedInto(db, id);
    flash(req, "info", msg("{former} was merged into {name}.", { former: isolate(formerName), name: isolate(survivor.name) }));
    res.redirect(`/entities/${survivor.id}`);
  }

  async function add(req: Request, res: Response) {
    const entity = await addAlias(db, actorOf(req.user!), idParam(req), req.body);
    flash(req, "success", msg("Added the alias “{alias}”.", { alias: isolate(entity.aliases.at(-1) ?? "") }));
    res.redirect(`/entities/${entity.id}#aliases`);
  }

  /** Removing an alias asks first, for a reason: a page of its own, again with the message when the reason is missing. */
  async function confirmRemove(req: Request, res: Response, status = 200, errors: FieldErrors = {}) {
    const entity = await getEntity(db, idParam(req));
    const alias = entity.aliasEntries.find((a) => a.id === idParam(req, "aliasId"));
    if (!alias) throw new NotFound(msg("Alias #{id} of {name}", { id: String(idParam(req, "aliasId")), name: entity.name }));
    res.status(status).render("entities/remove-alias", {
      title: req.t("Remove an alias of {name}", { name: entity.name }),
      entity,
      alias,
      errors,
      values: status === 200 ? {} : { ...formBody(req) },
    });
  }

  async function remove(req: Request, res: Response) {
    const entity = await removeAlias(db, actorOf(req.user!), idParam(req), idParam(req, "aliasId"), req.body);
    flash(req, "success", N_("Alias removed."));
    res.redirect(`/entities/${entity.id}#aliases`);
  }

  async function merge(req: Request, res: Response) {
    const entity = await mergeEntities(db, actorOf(req.user!), idParam(req), req.body);
    flash(req, "success", msg("Merged into {name}. The history below lists the aliases and claims it gained.", { name: isolate(entity.name) }));
    res.redirect(`/entities/${entity.id}`);
  }

  // The page again, as it is now: a 422 keeps the editor's input beside the
  // messages; a 409 says what happened, and the forms carry the current version.
  const onError = (failed: PageForm) => async (req: Request, res: Response, err: Invalid | Conflict) => {
    if (failed === "remove" && err instanceof Invalid) return confirmRemove(req, res, 422, err.fields);
    const entity = await getEntity(db, idParam(req));
    const state = {
      failed,
      values: { ...formBody(req) },
      errors: err instanceof Invalid ? err.fields : {},
      conflict: err instanceof Conflict ? err.text : null,
    };
    await render(res, entity, err.status, state);
  };

  return mount(withIds(Router(), { id: N_("That entity"), aliasId: N_("That alias") }), [
    route("get", "/entities/:id", [], show),
    route("post", "/entities/:id/aliases", editor, add, onError("alias")),
    route("get", "/entities/:id/aliases/:aliasId/delete", editor, (req, res) => confirmRemove(req, res)),
    route("post", "/entities/:id/aliases/:aliasId/delete", editor, remove, onError("remove")),
    route("post", "/entities/:id/merge", editor, merge, onError("merge")),
  ]);
}
