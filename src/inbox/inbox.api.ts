import { Router } from "express";
import type { Db } from "../db.ts";
import { idParam, mount, route, withIds } from "../http/routes.ts";
import { N_ } from "../i18n/i18n.ts";
import { parse } from "../validation.ts";
import { inboxPage } from "./inbox.query.ts";
import { inboxQuerySchema } from "./inbox.schema.ts";
import { markRead, unwatchClaim, watchClaim } from "./inbox.service.ts";

/** Watching and the inbox in JSON, for every signed-in account (viewers watch by hand). */
export function inboxApi(db: Db) {
  return mount(withIds(Router(), { id: N_("That claim") }), [
    route("post", "/claims/:id/watch", [], async (req, res) => void res.json(await watchClaim(db, req.user!.id, idParam(req)))),
    route("delete", "/claims/:id/watch", [], async (req, res) => void res.json(await unwatchClaim(db, req.user!.id, idParam(req)))),
    route("get", "/inbox", [], async (req, res) => {
      const { items, unread, readUpTo, nextCursor } = await inboxPage(db, req.user!.id, parse(inboxQuerySchema, req.query));
      res.json({ items, unread, readUpTo, nextCursor });
    }),
    route("post", "/inbox/read", [], async (req, res) => void res.json(await markRead(db, req.user!.id, req.body))),
  ]);
}
