import type { NextFunction, Request, Response } from "express";
import { readCookie } from "../http/signed-cookie.ts";
import { LOCALES, isLocale, translator, type Locale, type Translator } from "./i18n.ts";

declare module "express-serve-static-core" {
  interface Request {
    /** the language of this request's pages: the account's choice, else the browser's Accept-Language, else English */
    t: Translator;
  }
}

/** The language a browser chose on the sign-in page, for a visitor who has no account to keep it on. */
export const LANG_COOKIE = "claimtrack.lang";

/**
 * The account's language if it chose one, else the browser's choice on the
 * sign-in page, else the best of Accept-Language ("fr-CA" reads as French),
 * else English.
 */
export function chooseLocale(req: Request, preferred?: string | null): Locale {
  if (isLocale(preferred)) return preferred;
  const chosen = readCookie(req, LANG_COOKIE);
  if (isLocale(chosen)) return chosen;
  const best = req.acceptsLanguages(...LOCALES);
  return isLocale(best) ? best : "en";
}

/** Sets the request's language and what templates need of it (`t`, `locale`, and the helpers bound to it). */
export function localize(req: Request, res: Response, locale: Locale, helpersFor: (t: Translator) => object): void {
  const t = translator(locale);
  req.t = t;
  res.locals.t = t;
  res.locals.locale = locale;
  res.locals.h = helpersFor(t);
}

/** After the user is known: pages follow the account's language. */
export function accountLocale(helpersFor: (t: Translator) => object) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const preferred = req.user?.locale;
    if (preferred && preferred !== req.t.locale) localize(req, res, chooseLocale(req, preferred), helpersFor);
    next();
  };
}
