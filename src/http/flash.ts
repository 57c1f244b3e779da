import type { NextFunction, Request, Response } from "express";
import { Message, type Params, type Translatable } from "../i18n/i18n.ts";

declare module "express-session" {
  interface SessionData {
    userId?: number;
    flash?: Flash[];
  }
}

/** A message for the next page: its English id and values, translated when that page is rendered. */
export interface Flash {
  kind: "success" | "error" | "info";
  text: string;
  params?: Params;
  plural?: string;
}

/** Queues a message for the next page. Text only: templates escape it. A bearer-token call has no next page, and gets no session. */
export function flash(req: Request, kind: Flash["kind"], text: Translatable): void {
  if (!req.session || req.viaToken) return;
  // the session keeps JSON: values that are messages themselves are kept in the language of this request
  const params =
    text instanceof Message ? Object.fromEntries(Object.entries(text.params).map(([k, v]) => [k, v instanceof Message ? req.t(v) : v])) : undefined;
  const plural = text instanceof Message ? text.plural : undefined;
  (req.session.flash ??= []).push({ kind, text: text instanceof Message ? text.text : text, ...(params ? { params } : {}), ...(plural ? { plural } : {}) });
}

/** Moves queued messages into res.locals.flash for this render, once, in the page's language. */
export function flashMiddleware(req: Request, res: Response, next: NextFunction): void {
  res.locals.flash = (req.session?.flash ?? []).map((f) => ({ kind: f.kind, text: req.t(new Message(f.text, f.params, f.plural)) }));
  if (req.session?.flash) delete req.session.flash;
  next();
}
