import type { NextFunction, Request, Response } from "express";
import { AppError, Conflict, Duplicate, Invalid, type FieldErrors } from "../errors.ts";
import { faultAnswer } from "../sqlite/faults.ts";
import { isApi } from "./auth.ts";
import { N_, type Translatable } from "../i18n/i18n.ts";

interface ErrorBody {
  code: string;
  message: Translatable;
  fields?: FieldErrors;
}

/** body-parser and other middleware errors carry a 4xx status of their own. */
function clientError(err: unknown): (ErrorBody & { status: number }) | null {
  const e = err as { status?: unknown; type?: unknown; message?: unknown };
  if (typeof e?.status !== "number" || e.status < 400 || e.status >= 500) return null;
  if (e.type === "entity.parse.failed") return { status: 400, code: "bad_request", message: N_("The request body is not valid JSON.") };
  if (e.type === "entity.too.large") return { status: 413, code: "too_large", message: N_("The request body is too large.") };
  return { status: e.status === 404 ? 404 : 400, code: "bad_request", message: N_("The request could not be read.") };
}

function describe(err: unknown, dbFile: string | null): ErrorBody & { status: number; retryAfter?: number } {
  if (err instanceof AppError) {
    return { status: err.status, code: err.code, message: err.message, ...(err instanceof Invalid ? { fields: err.fields } : {}) };
  }
  return (
    faultAnswer(err, dbFile) ??
    clientError(err) ?? { status: 500, code: "internal", message: N_("Something went wrong on our side. The error has been logged.") }
  );
}

/**
 * The one error handler: typed errors become status codes, as JSON under
 * /api and as pages elsewhere; a database that cannot take a write (busy,
 * disk full) is a 503 with Retry-After.
 */
export function errorHandler(showStack: boolean, dbFile: string | null, log: (err: unknown, req: Request) => void) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const { status, retryAfter, ...body } = describe(err, dbFile);
    if (status >= 500) log(err, req);
    // a stream already under way (an export) is cut, so the client sees an incomplete download, not a complete-looking file
    if (res.headersSent) return void res.destroy();
    res.status(status);
    if (retryAfter) res.set("Retry-After", String(retryAfter));
    if (isApi(req) || req.path.endsWith(".json") || !req.accepts("html")) {
      const current = err instanceof Conflict && err.current !== undefined ? { current: err.current } : {};
      const existing = err instanceof Duplicate ? { existing: err.existing } : {};
      res.json({ error: { ...body, ...current, ...existing } });
      return;
    }
    if (status === 401 && req.method === "GET") return res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
    const message = req.t(err instanceof AppError ? err.text : body.message);
    res.render("errors/error", {
      title: message,
      status,
      error: { ...body, message },
      stack: showStack && status === 500 && err instanceof Error ? err.stack : null,
    });
  };
}
