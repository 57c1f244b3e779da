import { Router, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import type { Db } from "../db.ts";
import { TooManyRequests } from "../errors.ts";
import { mount, route } from "../http/routes.ts";
import { parse } from "../validation.ts";
import { auditQuerySchema, listAudit } from "./audit.query.ts";
import { verifyInFull } from "./audit.verification.ts";

const VERIFY_WINDOW_MS = 60_000;
const VERIFY_LIMIT = 5;

/**
 * A full verification walks every event: each user may ask for a few a
 * minute (429 with Retry-After beyond), and requests arriving during a walk
 * share it, so many callers cost one walk.
 */
const verifyLimit = () =>
  rateLimit({
    windowMs: VERIFY_WINDOW_MS,
    limit: VERIFY_LIMIT,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => String(req.user!.id),
    handler: (_req, res, next) => {
      const wait = Number(res.getHeader("retry-after")) || VERIFY_WINDOW_MS / 1000; // set by the limiter before it calls this
      next(new TooManyRequests(`A full verification of the audit chain is limited to ${VERIFY_LIMIT} a minute per user; try again in ${wait} seconds.`));
    },
  });

/** The audit log as JSON: newest first, filtered and paged like /audit. */
export function auditApi(db: Db) {
  async function verify(_req: Request, res: Response) {
    const { ok, events, head, firstBadEvent, verifiedAt } = await verifyInFull(db);
    res.json({ ok, events, head, firstBadEvent, verifiedAt });
  }

  return mount(Router(), [
    route("get", "/audit/verify", [verifyLimit()], verify),
    route("get", "/audit", [], async (req, res) => void res.json(await listAudit(db, parse(auditQuerySchema, req.query)))),
  ]);
}
