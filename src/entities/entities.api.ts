import { Router } from "express";
import { N_ } from "../i18n/i18n.ts";
import type { Db } from "../db.ts";
import { requireRole } from "../http/auth.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { parse } from "../validation.ts";
import { getEntity, listEntities } from "./entities.query.ts";
import { entityQuerySchema } from "./entities.schema.ts";
import { createEntity, updateEntity } from "./entities.service.ts";
import { addAlias, removeAlias } from "./aliases.service.ts";
import { mergeEntities } from "./merge.service.ts";

const editor = [requireRole("editor")];

/**
 * People and organisations as JSON; a search matches any alias ("Amodaiyi" finds Dario Amodei).
 * Alias and merge writes take an optional `version`: sent, a stale one answers 409.
 */
export function entitiesApi(db: Db) {
  return mount(withIds(Router(), { id: N_("That entity"), aliasId: N_("That alias") }), [
    route("get", "/entities", [], async (req, res) => void res.json(await listEntities(db, parse(entityQuerySchema, req.query)))),
    route("post", "/entities", editor, async (req, res) => void res.status(201).json(await createEntity(db, actorOf(req.user!), req.body))),
    route("get", "/entities/:id", [], async (req, res) => void res.json(await getEntity(db, idParam(req)))),
    route("patch", "/entities/:id", editor, async (req, res) => void res.json(await updateEntity(db, actorOf(req.user!), idParam(req), req.body))),
    route(
      "post",
      "/entities/:id/aliases",
      editor,
      async (req, res) => void res.status(201).json(await addAlias(db, actorOf(req.user!), idParam(req), req.body)),
    ),
    route(
      "delete",
      "/entities/:id/aliases/:aliasId",
      editor,
      async (req, res) => void res.json(await removeAlias(db, actorOf(req.user!), idParam(req), idParam(req, "aliasId"), req.body)),
    ),
    route("post", "/entities/:id/merge", editor, async (req, res) => void res.json(await mergeEntities(db, actorOf(req.user!), idParam(req), req.body))),
  ]);
}
