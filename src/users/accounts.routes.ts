import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import type { Conflict, FieldErrors, Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { isLocale, LOCALE_NAMES, msg, msgn, N_ } from "../i18n/i18n.ts";
import { parse } from "../validation.ts";
import { accountOf, changeOwnPassword, revokeTokens, setDisabled, setPassword } from "./accounts.service.ts";
import { OUTCOME_LABELS, OUTCOMES } from "./sign-in.service.ts";
import { listSignIns, signInQuerySchema } from "./sign-ins.query.ts";
import { actorOf, setLocale } from "./users.service.ts";

const admin = [requireRole("admin")];

/** The browser that changed its own password stays signed in; a bearer-token call has no session to keep. */
const keptSession = (req: Request) => (req.viaToken ? undefined : req.sessionID);
const keepSignedIn = (req: Request, generation: number) => {
  if (!req.viaToken) req.session.generation = generation;
};

/** An account's admin page (status, tokens, password), the sign-in log, and each user's own password form. */
export function accountsRouter(db: Db) {
  const showAccount = async (req: Request, res: Response, errors: FieldErrors = {}) =>
    res.render("users/show", { title: msg("User"), account: await accountOf(db, idParam(req)), errors });

  /** The account page again, with the refusal beside the form that caused it. */
  async function accountInvalid(req: Request, res: Response, err: Invalid | Conflict) {
    await showAccount(req, res.status(err.status), "fields" in err ? err.fields : { form: err.text });
  }

  async function disable(req: Request, res: Response, disabled: boolean) {
    const { email, changed } = await setDisabled(db, actorOf(req.user!), idParam(req), disabled);
    const said = changed
      ? disabled
        ? msg("{email} is disabled: its sessions have ended and its tokens are refused.", { email })
        : msg("{email} is enabled.", { email })
      : disabled
        ? msg("{email} was already disabled.", { email })
        : msg("{email} was already enabled.", { email });
    flash(req, changed ? "success" : "info", said);
    res.redirect(`/users/${idParam(req)}`);
  }

  async function revoke(req: Request, res: Response, which: number | "all") {
    const ids = await revokeTokens(db, actorOf(req.user!), idParam(req), which);
    const list = ids.map((id) => `#${id}`).join(", ");
    flash(
      req,
      ids.length ? "success" : "info",
      ids.length ? msgn("Revoked {count} token: {list}.", "Revoked {count} tokens: {list}.", ids.length, { list }) : msg("No token to revoke."),
    );
    res.redirect(`/users/${idParam(req)}`);
  }

  async function resetPassword(req: Request, res: Response) {
    const id = idParam(req);
    const own = id === req.user!.id;
    const generation = await setPassword(
      db,
      actorOf(req.user!),
      id,
      { password: (req.body as { password?: unknown }).password },
      own ? keptSession(req) : undefined,
    );
    if (own) keepSignedIn(req, generation);
    flash(
      req,
      "success",
      own
        ? msg("Your password is changed; your other sessions have ended.")
        : msg("Password set; their sessions have ended. Give it to them by a safe channel."),
    );
    res.redirect(`/users/${id}`);
  }

  async function signIns(req: Request, res: Response) {
    const filters = parse(signInQuerySchema, req.query);
    res.render("users/sign-ins", {
      title: msg("Sign-ins"),
      ...(await listSignIns(db, filters)),
      filters,
      outcomes: OUTCOMES,
      outcomeLabels: OUTCOME_LABELS,
      query: req.query,
    });
  }

  const showOwn = (res: Response, errors: FieldErrors = {}) => res.render("users/account", { title: msg("Your account"), errors, languages: LOCALE_NAMES });

  async function changeOwn(req: Request, res: Response) {
    keepSignedIn(req, await changeOwnPassword(db, { ...actorOf(req.user!), id: req.user!.id }, req.body, keptSession(req)));
    flash(req, "success", msg("Your password is changed. Your other sessions have ended; sign in there with the new one."));
    res.redirect("/account");
  }

  async function changeLocale(req: Request, res: Response) {
    const { locale } = await setLocale(db, actorOf(req.user!), req.user!.id, req.body);
    // said in the language just chosen: the flash is translated on the next page, which follows it
    flash(
      req,
      "success",
      isLocale(locale) ? msg("Language saved: {language}.", { language: LOCALE_NAMES[locale] }) : msg("Language saved: automatic (your browser's language)."),
    );
    res.redirect("/account");
  }

  return mount(withIds(Router(), { id: N_("That user"), tokenId: N_("That token") }), [
    route("get", "/users/sign-ins", admin, signIns),
    route("get", "/api/users/sign-ins", admin, async (req, res) => void res.json(await listSignIns(db, parse(signInQuerySchema, req.query)))),
    route("get", "/users/:id", admin, (req, res) => showAccount(req, res)),
    route("post", "/users/:id/disable", admin, (req, res) => disable(req, res, true), accountInvalid),
    route("post", "/users/:id/enable", admin, (req, res) => disable(req, res, false), accountInvalid),
    route("post", "/users/:id/tokens/:tokenId/revoke", admin, (req, res) => revoke(req, res, idParam(req, "tokenId")), accountInvalid),
    route("post", "/users/:id/tokens/revoke", admin, (req, res) => revoke(req, res, "all"), accountInvalid),
    route("post", "/users/:id/password", admin, resetPassword, accountInvalid),
    route("get", "/account", [], (_req, res) => showOwn(res)),
    route("post", "/account/password", [], changeOwn, (_req, res, err) => showOwn(res.status(err.status), "fields" in err ? err.fields : {})),
    route("post", "/account/language", [], changeLocale, (_req, res, err) => showOwn(res.status(err.status), "fields" in err ? err.fields : {})),
  ]);
}
