import type { NextFunction, Request, RequestHandler, Response, Router } from "express";
import { Conflict, Invalid, NotFound, unsaved } from "../errors.ts";
import { faultAnswer } from "../sqlite/faults.ts";

type Method = "get" | "post" | "patch" | "delete";
/** A form's fields as sent (Express types the body as any): what a page puts back in the form it shows again. */
export const formBody = (req: Request) => req.body as Record<string, unknown>;

export type Handler = (req: Request, res: Response) => Promise<void> | void;
/** Re-renders a form with the editor's input after a 422 (Invalid) or 409 (Conflict). */
export type FormRenderer = (req: Request, res: Response, error: Invalid | Conflict) => Promise<void> | void;

export interface Route {
  method: Method;
  path: string;
  guards: RequestHandler[];
  handler: Handler;
  form?: FormRenderer;
}

export const route = (method: Method, path: string, guards: RequestHandler[], handler: Handler, form?: FormRenderer): Route => ({
  method,
  path,
  guards,
  handler,
  ...(form ? { form } : {}),
});

/** The ids a URL may carry, by their route parameter's name. */
export type IdName = "id" | "evidenceId" | "aliasId" | "tokenId" | "claimId" | "deliveryId";
/** What each of a router's ids names, for its 404 ("That claim"), marked with N_. */
export type IdNames = Partial<Record<IdName, string>>;

const parsedIds = new WeakMap<Request, Partial<Record<IdName, number>>>();

/**
 * The id the router's loader parsed from the URL. Only parsed, never
 * loaded: pages served by the read model, and routes whose service loads
 * the record in its transaction, would pay a query for nothing.
 */
export function idParam(req: Request, name: IdName = "id"): number {
  const n = parsedIds.get(req)?.[name];
  if (n === undefined) throw new Error(`No id loader for :${name} on ${req.path}`);
  return n;
}

/**
 * The router's id loader: each id in `ids` is parsed once, before the
 * route's guards and handler (router.param, which runs only for this
 * router's routes); a malformed one is a 404 naming the record.
 */
export function withIds(router: Router, ids: IdNames): Router {
  for (const [name, what] of Object.entries(ids) as [IdName, string][]) {
    router.param(name, (req, _res, next, value) => {
      parsedIds.set(req, { ...parsedIds.get(req), [name]: paramId(value, what) });
      next();
    });
  }
  return router;
}

/**
 * Mounts a feature's route table. A route with a form renderer gets its
 * invalid or stale input back in the form; every other error goes to the
 * one error handler (Express 5 forwards rejected promises).
 */
export function mount(router: Router, routes: Route[]): Router {
  for (const r of routes) {
    const form = r.form;
    const handler = form
      ? async (req: Request, res: Response, next: NextFunction) => {
          try {
            await r.handler(req, res);
          } catch (err) {
            if (err instanceof Invalid || err instanceof Conflict) return form(req, res, err);
            // a write the database cannot take now keeps the editor's input too
            const fault = faultAnswer(err, req.app.get("dbFile") as string | null);
            if (!fault) return next(err);
            res.set("Retry-After", String(fault.retryAfter));
            return form(req, res, unsaved(fault.message));
          }
        }
      : r.handler;
    router[r.method](r.path, ...r.guards, handler);
  }
  return router;
}

/** A numeric id from the URL; anything else is a page that does not exist. */
function paramId(value: unknown, what: string): number {
  const n = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new NotFound(what);
  return n;
}
