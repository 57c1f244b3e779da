import { Router } from "express";
import type { Db } from "../db.ts";
import { mount, route } from "../http/routes.ts";
import { parse } from "../validation.ts";
import { auditQuerySchema, listAudit } from "./audit.query.ts";
import { verifyChain } from "./audit.service.ts";

/** The audit log as JSON: newest first, filtered and paged like /audit. */
export function auditApi(db: Db) {
  return mount(Router(), [
    route("get", "/audit/verify", [], async (_req, res) => void res.json(await verifyChain(db))),
    route("get", "/audit", [], async (req, res) => void res.json(await listAudit(db, parse(auditQuerySchema, req.query)))),
  ]);
}
