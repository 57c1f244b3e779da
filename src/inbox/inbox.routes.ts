import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { flash } from "../http/flash.ts";
import { idParam, mount, route, withIds } from "../http/routes.ts";
import { msg, msgn, N_ } from "../i18n/i18n.ts";
import { parse } from "../validation.ts";
import { inboxPage } from "./inbox.query.ts";
import { inboxQuerySchema } from "./inbox.schema.ts";
import { markRead, unwatchClaim, watchClaim } from "./inbox.service.ts";

/** /inbox, its "Mark all read", and the claim page's Watch and Unwatch buttons. */
export function inboxRouter(db: Db) {
  async function index(req: Request, res: Response) {
    const query = parse(inboxQuerySchema, req.query);
    res.render("inbox/index", { title: msg("Inbox"), ...(await inboxPage(db, req.user!.id, query)), query: req.query });
  }

  async function read(req: Request, res: Response) {
    const { unread } = await markRead(db, req.user!.id, req.body);
    flash(
      req,
      "success",
      unread
        ? msgn("Marked read; {count} newer change is still unread.", "Marked read; {count} newer changes are still unread.", unread)
        : msg("Your inbox is all read."),
    );
    res.redirect("/inbox");
  }

  const watching = (watch: boolean) => async (req: Request, res: Response) => {
    const { claimId } = await (watch ? watchClaim : unwatchClaim)(db, req.user!.id, idParam(req));
    flash(req, "success", watch ? msg("You are watching this claim: changes others make to it reach your inbox.") : msg("You no longer watch this claim."));
    res.redirect(`/claims/${claimId}`);
  };

  return mount(withIds(Router(), { id: N_("That claim") }), [
    route("get", "/inbox", [], index),
    route("post", "/inbox/read", [], read),
    route("post", "/claims/:id/watch", [], watching(true)),
    route("post", "/claims/:id/unwatch", [], watching(false)),
  ]);
}
