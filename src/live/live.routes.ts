import { Router, type Application, type Request, type Response } from "express";
import { mount, route } from "../http/routes.ts";
import type { Db } from "../db.ts";
import type { LiveHub } from "./live.hub.ts";
import { headId } from "./live.events.ts";
import { sinceOf, sseClient } from "./live.stream.ts";

/** GET /events: the live stream of audit events, for signed-in users (requireUser runs before it). */
async function events(hub: LiveHub, req: Request, res: Response) {
  const release = hub.reserve(req.user!.id);
  let closed = false;
  let leave = release;
  res.on("close", () => ((closed = true), leave()));
  try {
    const left = await hub.open(req.user!.id, sseClient(res), sinceOf(req));
    leave = () => (left(), release());
  } finally {
    // refused (the error handler answers), or the client went away while the stream was opening
    if (leave === release || closed) leave();
  }
}

/**
 * The pages with a live notice (views/partials/live.ejs), which get the id
 * of the newest event as they are rendered: their script's stream starts
 * from it, so a change made between the render and the stream's start is
 * not missed. A page not listed still works; its stream starts when it opens.
 */
const LIVE_PAGES = /^\/(claims(\/\d+)?|stories\/\d+)?\/?$/;

export function liveRouter(hub: LiveHub, db: Db) {
  const router = Router();
  router.get(LIVE_PAGES, async (_req, res, next) => {
    res.locals.liveSince = await headId(db);
    next();
  });
  return mount(router, [route("get", "/events", [], (req, res) => events(hub, req, res))]);
}

/** The app's hub (createApp keeps it on the app): server.ts ends its streams on shutdown. */
export const liveHubOf = (app: Application) => app.get("live") as LiveHub;
