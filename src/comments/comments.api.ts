import { Router } from "express";
import type { Db } from "../db.ts";
import { requireRole } from "../http/auth.ts";
import { idParam, mount, route, withIds } from "../http/routes.ts";
import { N_ } from "../i18n/i18n.ts";
import { actorOf } from "../users/users.service.ts";
import { getClaim } from "../claims/claims.query.ts";
import { commentsOf } from "./comments.query.ts";
import { addComment } from "./comments.service.ts";

/** A claim's discussion in JSON: viewers read, editors write. */
export function commentsApi(db: Db) {
  return mount(withIds(Router(), { id: N_("That claim") }), [
    route("get", "/claims/:id/comments", [], async (req, res) => {
      const claim = await getClaim(db, idParam(req));
      res.json(await commentsOf(db, claim.id));
    }),
    route("post", "/claims/:id/comments", [requireRole("editor")], async (req, res) => {
      res.status(201).json(await addComment(db, { ...actorOf(req.user!), id: req.user!.id }, idParam(req), req.body));
    }),
  ]);
}
