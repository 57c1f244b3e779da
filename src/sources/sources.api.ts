import { Router } from "express";
import type { Db } from "../db.ts";
import { requireRole } from "../http/auth.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { parse } from "../validation.ts";
import { N_ } from "../i18n/i18n.ts";
import { getSource, listSources } from "./sources.query.ts";
import { sourceListQuerySchema } from "./sources.schema.ts";
import { createSource, updateSource } from "./sources.service.ts";

const editor = [requireRole("editor")];

/** The JSON API over sources: same services, same validation, same audit as the pages. */
export function sourcesApi(db: Db) {
  return mount(withIds(Router(), { id: N_("That source") }), [
    route("get", "/sources", [], async (req, res) => void res.json(await listSources(db, parse(sourceListQuerySchema, req.query)))),
    route("post", "/sources", editor, async (req, res) => void res.status(201).json(await createSource(db, actorOf(req.user!), req.body))),
    route("get", "/sources/:id", [], async (req, res) => void res.json(await getSource(db, idParam(req)))),
    route("patch", "/sources/:id", editor, async (req, res) => void res.json(await updateSource(db, actorOf(req.user!), idParam(req), req.body))),
  ]);
}
