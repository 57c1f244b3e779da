import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { requireRole } from "../http/auth.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { historyOf } from "../audit/audit.service.ts";
import { parse } from "../validation.ts";
import { N_ } from "../i18n/i18n.ts";
import { getClaim } from "./claims.query.ts";
import { listClaims } from "./claims.list.ts";
import { assigneeFor, listQuerySchema } from "./claims.schema.ts";
import { createClaim, reopenClaim, resolveClaim, updateClaim } from "./claims.service.ts";
import { addEvidence, removeEvidence } from "./evidence.service.ts";

const editor = [requireRole("editor")];

/** The JSON API over claims: same services, same validation, same audit as the pages. */
export function claimsApi(db: Db) {
  return mount(withIds(Router(), { id: N_("That claim"), evidenceId: N_("That evidence") }), [
    route("get", "/claims", [], async (req, res) => {
      const { items, nextCursor, prevCursor, ranking } = await listClaims(db, assigneeFor(parse(listQuerySchema, req.query), req.user!.id));
      res.json({ items, nextCursor, prevCursor, ranking });
    }),
    route("post", "/claims", editor, async (req, res) => void res.status(201).json(await createClaim(db, actorOf(req.user!), req.body))),
    route("get", "/claims/:id", [], async (req, res) => void res.json(await getClaim(db, idParam(req)))),
    route("patch", "/claims/:id", editor, async (req, res) => void res.json(await updateClaim(db, actorOf(req.user!), idParam(req), req.body))),
    route("post", "/claims/:id/resolution", editor, async (req: Request, res: Response) => {
      res.json(await resolveClaim(db, actorOf(req.user!), idParam(req), req.body));
    }),
    route("post", "/claims/:id/reopen", editor, async (req: Request, res: Response) => {
      res.json(await reopenClaim(db, actorOf(req.user!), idParam(req), req.body));
    }),
    route("post", "/claims/:id/evidence", editor, async (req: Request, res: Response) => {
      res.status(201).json(await addEvidence(db, actorOf(req.user!), idParam(req), req.body));
    }),
    route("delete", "/claims/:id/evidence/:evidenceId", editor, async (req: Request, res: Response) => {
      res.json(await removeEvidence(db, actorOf(req.user!), idParam(req), idParam(req, "evidenceId"), req.body));
    }),
    route("get", "/claims/:id/history", [], async (req, res) => {
      const claim = await getClaim(db, idParam(req));
      res.json(await historyOf(db, "claim", claim.id));
    }),
  ]);
}
