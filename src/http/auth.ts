import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Db } from "../db.ts";
import { Forbidden, Unauthorized } from "../errors.ts";
import { sessionUser, userForToken, type CurrentUser } from "../users/users.service.ts";
import { keepAlive, regenerate } from "./session-store.ts";
import { ROLE_LABELS, type RoleName } from "../users/users.schema.ts";
import { msg, N_ } from "../i18n/i18n.ts";

declare module "express-serve-static-core" {
  interface Request {
    user?: CurrentUser;
    /** true when the request proved itself with a bearer token, not a cookie (no CSRF check then) */
    viaToken?: boolean;
  }
}

/**
 * Finds the user from the session cookie or an Authorization: Bearer token,
 * reading the account on every request (no cache): a disabled account, a
 * revoked token or a session older than a password change stops at once.
 */
export function loadUser(db: Db): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization");
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match ? await userForToken(db, match[1]!) : null;
      if (!user) throw new Unauthorized(N_("The API token is missing, malformed or revoked."));
      req.user = user;
      req.viaToken = true;
    } else if (req.session?.userId) {
      const user = sessionUser(db, req.session.userId, req.session.generation ?? 0);
      if (user) {
        req.user = user;
        keepAlive(req.session);
      } else {
        await regenerate(req.session);
      }
    }
    res.locals.user = req.user ?? null;
    next();
  };
}

export const isApi = (req: Request) => req.originalUrl.startsWith("/api/") || req.originalUrl === "/api";

/** Anyone signed in. Pages send strangers to the login form; the API answers 401. */
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (req.user) return next();
  if (isApi(req) || req.method !== "GET") throw new Unauthorized();
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
}

const RANK: Record<RoleName, number> = { viewer: 0, editor: 1, admin: 2 };

export const can = (user: CurrentUser | undefined | null, role: RoleName) => !!user && RANK[user.role] >= RANK[role];

export function requireRole(role: RoleName): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) throw new Unauthorized();
    if (!can(req.user, role))
      throw new Forbidden(
        msg("This needs the {role} role; your role is {current}.", { role: msg(ROLE_LABELS[role]), current: msg(ROLE_LABELS[req.user.role]) }),
      );
    next();
  };
}
