import type { NextFunction, Request, Response } from "express";
import { BadRequest, Invalid } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import { BROKEN_CHARACTER, hasLoneSurrogate } from "../validation.ts";

/** Deeper than any form or API body is; an array 10,000 deep overflows the stack of whatever walks it recursively. */
export const MAX_DEPTH = 32;

/**
 * Checks every parsed request body once, before any route (sign-in's rate
 * limiter included) reads it: nested too deeply is a 400; a lone surrogate,
 * which only JSON's "\ud800" escapes can send and the database driver fails
 * on, is a 422 naming its field (dotted, without list indexes, as the schemas
 * name theirs). The schemas' text refuses the same, and NUL, field by field.
 */
export function inputGuard(req: Request, _res: Response, next: NextFunction): void {
  const pending: { value: unknown; path: string[]; depth: number }[] = [{ value: req.body as unknown, path: [], depth: 0 }];
  while (pending.length) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === "string" && hasLoneSurrogate(value)) throw new Invalid({ [path.join(".") || "form"]: BROKEN_CHARACTER });
    if (!value || typeof value !== "object") continue;
    if (depth >= MAX_DEPTH) throw new BadRequest(msg("The request body is nested too deeply (more than {max} levels).", { max: MAX_DEPTH }));
    const list = Array.isArray(value);
    for (const [key, inner] of Object.entries(value)) pending.push({ value: inner, path: list ? path : [...path, key], depth: depth + 1 });
  }
  next();
}
