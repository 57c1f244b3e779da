import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { csrfSync } from "csrf-sync";
import { Forbidden } from "../errors.ts";
import { N_ } from "../i18n/i18n.ts";
import { loginCookie, readCookie, sameText, sign, unsign } from "./signed-cookie.ts";

// Signed-in browsers: a synchronizer token kept in their session (csrf-sync),
// sent back as the _csrf form field or the X-CSRF-Token header on every
// state-changing request. Anonymous browsers have no session (storing one
// per visit let anyone fill the table), so the sign-in form is protected by
// a signed double-submit cookie instead: the form's token must equal the
// cookie's, and carry our signature. Bearer-token calls send no cookie and
// need neither.

const tokenFrom = (req: Request): string | undefined => {
  const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
  return typeof fromBody === "string" ? fromBody : req.get("x-csrf-token");
};

const { generateToken, isRequestValid } = csrfSync({ getTokenFromRequest: tokenFrom });

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const LOGIN_COOKIE = "claimtrack.login";
const PURPOSE = "login-csrf";

function loginTokenValid(req: Request, secret: string): boolean {
  const cookie = readCookie(req, LOGIN_COOKIE);
  const sent = tokenFrom(req);
  return !!cookie && !!sent && sameText(cookie, sent) && unsign(secret, PURPOSE, cookie) !== null;
}

/** Runs after loadUser: req.user tells a signed-in session from an anonymous visitor. */
export function csrfProtection(secret: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.viaToken) return next();
    const signedIn = req.user !== undefined;
    if (!SAFE.has(req.method) && !(signedIn ? isRequestValid(req) : loginTokenValid(req, secret))) {
      throw new Forbidden(N_("This form has expired or did not come from Claimtrack. Go back, reload the page and send it again."));
    }
    if (signedIn) res.locals.csrfToken = generateToken(req);
    next();
  };
}

/** The sign-in form's token: the browser's own while valid, else a new one in its cookie. */
export function loginFormToken(req: Request, res: Response, secret: string): string {
  const current = readCookie(req, LOGIN_COOKIE);
  if (unsign(secret, PURPOSE, current) !== null) return current!;
  const token = sign(secret, PURPOSE, randomBytes(18).toString("base64url"));
  res.cookie(LOGIN_COOKIE, token, loginCookie(req));
  return token;
}
