import type { NextFunction, Request, Response } from "express";

declare module "express-session" {
  interface SessionData {
    userId?: number;
    flash?: Flash[];
  }
}

export interface Flash {
  kind: "success" | "error" | "info";
  text: string;
}

/** Queues a message for the next page. Text only: templates escape it. A bearer-token call has no next page, and gets no session. */
export function flash(req: Request, kind: Flash["kind"], text: string): void {
  if (!req.session || req.viaToken) return;
  (req.session.flash ??= []).push({ kind, text });
}

/** Moves queued messages into res.locals.flash for this render, once. */
export function flashMiddleware(req: Request, res: Response, next: NextFunction): void {
  res.locals.flash = req.session?.flash ?? [];
  if (req.session?.flash) delete req.session.flash;
  next();
}
