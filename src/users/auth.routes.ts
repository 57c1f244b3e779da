import { Router, type Request, type Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { Db } from "../db.ts";
import { flash } from "../http/flash.ts";
import { mount, route } from "../http/routes.ts";
import { authenticate } from "./users.service.ts";
import { loginSchema } from "./users.schema.ts";

/** Only local paths: a next= pointing elsewhere would make the login page an open redirect. */
const safeNext = (next: unknown) => (typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/");

const regenerate = (req: Request) => new Promise<void>((ok, fail) => req.session.regenerate((e) => (e ? fail(e) : ok())));

function showLogin(req: Request, res: Response) {
  if (req.user) return res.redirect(safeNext(req.query.next));
  res.render("users/login", { title: "Sign in", values: { email: "" }, next: safeNext(req.query.next), failed: false });
}

export function authRouter(db: Db) {
  // Ten tries per address and email in fifteen minutes; successful sign-ins do not count.
  const throttle = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 10,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? "")}|${String((req.body as { email?: unknown })?.email ?? "").toLowerCase()}`,
    handler: (req, res) => {
      res.status(429).render("users/login", {
        title: "Sign in",
        values: { email: String((req.body as { email?: unknown })?.email ?? "") },
        next: safeNext((req.body as { next?: unknown })?.next),
        failed: "Too many failed sign-ins. Wait fifteen minutes and try again.",
      });
    },
  });

  async function login(req: Request, res: Response) {
    const parsed = loginSchema.safeParse(req.body ?? {});
    const { email, password } = parsed.success ? parsed.data : { email: "", password: "" };
    const user = email && password ? await authenticate(db, email, password) : null;
    const next = safeNext((req.body as { next?: unknown }).next);
    if (!user) {
      res.status(401).render("users/login", { title: "Sign in", values: { email }, next, failed: "That email and password do not match an account." });
      return;
    }
    await regenerate(req); // a new session id at sign-in defeats session fixation
    req.session.userId = user.id;
    flash(req, "success", `Signed in as ${user.email}.`);
    res.redirect(next);
  }

  async function logout(req: Request, res: Response) {
    await new Promise<void>((ok) => req.session.destroy(() => ok()));
    res.clearCookie("claimtrack.sid");
    res.redirect("/login");
  }

  return mount(Router(), [
    route("get", "/login", [], showLogin),
    route("post", "/login", [throttle], login),
    route("post", "/logout", [], logout),
  ]);
}
