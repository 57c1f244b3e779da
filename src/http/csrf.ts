import type { NextFunction, Request, Response } from "express";
import { csrfSync } from "csrf-sync";
import { Forbidden } from "../errors.ts";

// Synchronizer tokens kept in the server-side session (csrf-sync): every
// state-changing request made with the session cookie must carry the token,
// as the _csrf form field or the X-CSRF-Token header. Bearer-token API
// calls carry no cookie, so they need none.
const { generateToken, isRequestValid } = csrfSync({
  getTokenFromRequest: (req) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    return typeof fromBody === "string" ? fromBody : req.get("x-csrf-token");
  },
});

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  if (!SAFE.has(req.method) && !req.viaToken && !isRequestValid(req)) {
    throw new Forbidden("This form has expired or did not come from Claimtrack. Go back, reload the page and send it again.");
  }
  res.locals.csrfToken = generateToken(req);
  next();
}
