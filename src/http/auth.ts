import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Db } from "../db.ts";
import { Forbidden, Unauthorized } from "../errors.ts";
import { keepAlive, regenerate } from "./session-store.ts";
import { ROLE_LABELS, type RoleName } from "../roles.ts";
import { msg, N_ } from "../i18n/i18n.ts";

/**
 * The signed-in account as the guards and the language choice need it. The
 * accounts feature adds its fields (users/users.service.ts merges them in),
 * so that this module does not import it.
 */
export interface SignedIn {
  id: number;
  role: RoleName;
  /** the interface language the account chose; null follows the browser */
  locale: string | null;
}

/** How the accounts feature finds the account of a bearer token or of a session (given to loadUser at start). */
export interface Accounts {
  byToken(db: Db, token: string): Promise<SignedIn | null>;
  bySession(db: Db, id: number, generation: number): Promise<SignedIn | null>;
}

declare module "express-serve-static-core" {
  interface Request {
    user?: SignedIn;
    /** true when the request proved itself with a bearer token, not a cookie (no CSRF check then) */
    viaToken?: boolean;
  }
}

/**
 * Finds the user from the session cookie or an Authorization: Bearer token,
 * reading the account on every request (no cache): a disabled account, a
 * revoked token or a session older than a password change stops at once.
 */
export function loadUser(db: Db, accounts: Accounts): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization");
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match ? await accounts.byToken(db, match[1]!) : null;
      if (!user) throw new Unauthorized(N_("The API token is missing, malformed or revoked."));
      req.user = user;
      req.viaToken = true;
    } else if (req.session?.userId) {
      const user = await accounts.bySession(db, req.session.userId, req.session.generation ?? 0);
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

/** The JSON API, and the live stream (/events), which answers its refusals as the API does. */
export const isApi = (req: Request) => /^\/(api|events)(\/|\?|$)/.test(req.originalUrl);

/** Anyone signed in. Pages send strangers to the login form; the API answers 401. */
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (req.user) return next();
  if (isApi(req) || req.method !== "GET") throw new Unauthorized();
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
}

const RANK: Record<RoleName, number> = { viewer: 0, editor: 1, admin: 2 };

export const can = (user: SignedIn | undefined | null, role: RoleName) => !!user && RANK[user.role] >= RANK[role];

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
