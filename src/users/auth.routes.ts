import { Router, type Request, type Response } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db.ts";
import { skipIfFault } from "../sqlite/faults.ts";
import { loginFormToken } from "../http/csrf.ts";
import { flash } from "../http/flash.ts";
import { mount, route } from "../http/routes.ts";
import { regenerate } from "../http/session-store.ts";
import { loginCookie, readCookie, sign, unsign } from "../http/signed-cookie.ts";
import { recordSignOut, signIn, type SignInResult } from "./sign-in.service.ts";
import { addressKey } from "./throttle.ts";
import { loginSchema } from "./users.schema.ts";
import { isLocale, LOCALE_NAMES, msg, msgn, N_, type Translatable } from "../i18n/i18n.ts";
import { LANG_COOKIE } from "../i18n/locale.ts";
import { NotFound } from "../errors.ts";

/** Only local paths: a next= pointing elsewhere would make the login page an open redirect. */
const safeNext = (next: unknown) => (typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/");

// "This browser signed in as this account before": such a browser is slowed
// but never refused by the throttle, so someone guessing a colleague's
// password from the same office cannot lock the colleague out.
const DEVICE_COOKIE = "claimtrack.device";
const DEVICE_PURPOSE = "device";
const DEVICE_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The login page's query parameter that makes it say "You are signed out." */
const SIGNED_OUT = "signed-out";

const wait = (s: number) => (s >= 120 ? msgn("{count} minute", "{count} minutes", Math.ceil(s / 60)) : msgn("{count} second", "{count} seconds", s));

function refusal(r: Exclude<SignInResult, { outcome: "signed_in" }>): { status: number; message: Translatable } {
  if (r.outcome === "failed") return { status: 401, message: N_("That email and password do not match an account.") };
  if (r.outcome === "disabled") return { status: 403, message: N_("This account is disabled. Ask an administrator to enable it.") };
  if (r.busy) return { status: 503, message: N_("Too many sign-ins are being checked right now. Wait a few seconds and try again.") };
  return { status: 429, message: msg("Too many failed sign-ins for this account. Wait {wait} and try again.", { wait: wait(r.retryAfterS) }) };
}

export function authRouter(db: Db, config: Config) {
  const secret = config.sessionSecret;

  function renderLogin(req: Request, res: Response, email: string, failed: Translatable | false) {
    res.locals.csrfToken = loginFormToken(req, res, secret);
    const next = safeNext(req.method === "GET" ? req.query.next : (req.body as { next?: unknown } | undefined)?.next);
    // a visitor has no session to carry a flash: the sign-out's redirect says it in the URL
    const signedOut = req.method === "GET" && req.query[SIGNED_OUT] === "1";
    const here = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
    res.render("users/login", { title: req.t("Sign in"), values: { email }, next, failed, signedOut, here, languages: LOCALE_NAMES });
  }

  function showLogin(req: Request, res: Response) {
    if (req.user) return res.redirect(safeNext(req.query.next));
    renderLogin(req, res, "", false);
  }

  async function login(req: Request, res: Response) {
    const parsed = loginSchema.safeParse(req.body ?? {});
    const { email, password } = parsed.success ? parsed.data : { email: "", password: "" };
    const trusted = unsign(secret, DEVICE_PURPOSE, readCookie(req, DEVICE_COOKIE)) === Buffer.from(email).toString("base64url");
    const result = await signIn(db, { email, address: addressKey(req.ip), trusted }, password);
    if (result.outcome !== "signed_in") {
      const { status, message } = refusal(result);
      if (result.outcome === "throttled") res.set("Retry-After", String(result.retryAfterS));
      return renderLogin(req, res.status(status), email, message);
    }
    await regenerate(req.session); // a new session id at sign-in defeats session fixation
    Object.assign(req.session, { userId: result.user.id, generation: result.sessionGeneration, seenAt: Date.now() });
    res.cookie(DEVICE_COOKIE, sign(secret, DEVICE_PURPOSE, Buffer.from(email).toString("base64url")), loginCookie(req, { maxAge: DEVICE_DAYS * DAY_MS }));
    flash(req, "success", msg("Signed in as {email}.", { email: result.user.email }));
    res.redirect(safeNext((req.body as { next?: unknown }).next));
  }

  /** The sign-in page's language links: a cookie for every page of this browser, until an account's own choice. */
  function chooseLanguage(req: Request, res: Response) {
    const locale = req.params.locale;
    if (!isLocale(locale)) throw new NotFound(N_("That language"));
    res.cookie(LANG_COOKIE, locale, loginCookie(req, { path: "/", sameSite: "lax", maxAge: 365 * DAY_MS }));
    res.redirect(safeNext(req.query.next));
  }

  async function logout(req: Request, res: Response) {
    // signing out never fails: while an import holds the database, the browser's cookie still goes, and the log misses one line
    if (req.user && !req.viaToken) await recordSignOut(db, { email: req.user.email, address: addressKey(req.ip) }, req.user.id).catch(skipIfFault);
    await new Promise<void>((ok) => req.session.destroy(() => ok()));
    res.clearCookie("claimtrack.sid");
    res.redirect(`/login?${SIGNED_OUT}=1`);
  }

  return mount(Router(), [
    route("get", "/login", [], showLogin),
    route("post", "/login", [], login),
    route("post", "/logout", [], logout),
    route("get", "/language/:locale", [], chooseLanguage),
  ]);
}
