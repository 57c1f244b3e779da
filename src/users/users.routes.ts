import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import type { Conflict, FieldErrors, Invalid } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { ROLE_LABELS, ROLES } from "../roles.ts";
import { actorOf, changeRole, createUser, listUsers } from "./users.service.ts";
import { accountsRouter } from "./accounts.routes.ts";

const admin = [requireRole("admin")];

/** The admin page: accounts and their roles. */
export function usersRouter(db: Db) {
  const showIndex = async (res: Response, errors: FieldErrors = {}) =>
    res.render("users/index", { title: msg("Users"), users: await listUsers(db), roles: ROLES, errors });

  const showNew = (res: Response, values: Record<string, unknown>, errors: FieldErrors = {}) =>
    res.render("users/new", { title: msg("Add a user"), roles: ROLES, values, errors });

  async function create(req: Request, res: Response) {
    const user = await createUser(db, actorOf(req.user!), req.body);
    flash(
      req,
      "success",
      msg("Added {email} as {role}. Give them their password by a safe channel.", { email: user.email, role: msg(ROLE_LABELS[user.role]) }),
    );
    res.redirect("/users");
  }

  /** The form again with the messages and the input, but never the password. */
  function createInvalid(req: Request, res: Response, err: Invalid | Conflict) {
    const { password: _omitted, ...values } = (req.body ?? {}) as Record<string, unknown>;
    showNew(res.status(err.status), values, "fields" in err ? err.fields : {});
  }

  async function setRole(req: Request, res: Response) {
    const id = idParam(req);
    const user = await changeRole(db, actorOf(req.user!), id, req.body);
    flash(req, "success", msg("{email} is now {role}.", { email: user.email, role: msg(ROLE_LABELS[user.role]) }));
    // an admin who gave up their own admin role can no longer see this page
    res.redirect(id === req.user!.id && user.role !== "admin" ? "/" : "/users");
  }

  /** The list again, the message beside the row whose role change was refused. */
  async function setRoleInvalid(req: Request, res: Response, err: Invalid | Conflict) {
    const message = "fields" in err ? (err.fields.role ?? Object.values(err.fields)[0]) : err.text;
    await showIndex(res.status(err.status), { [`role-${idParam(req)}`]: message ?? err.text });
  }

  return mount(withIds(Router(), { id: N_("That user") }), [
    route("get", "/users", admin, async (_req, res) => void (await showIndex(res))),
    route("get", "/users/new", admin, (_req, res) => showNew(res, { role: "editor" })),
    route("post", "/users", admin, create, createInvalid),
    route("post", "/users/:id/role", admin, setRole, setRoleInvalid),
  ]).use(accountsRouter(db));
}
