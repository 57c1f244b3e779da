import { Router } from "express";
import type { Db } from "../db.ts";
import { requireRole } from "../http/auth.ts";
import { idParam, mount, withIds, route } from "../http/routes.ts";
import { actorOf } from "../users/users.service.ts";
import { parse } from "../validation.ts";
import { N_ } from "../i18n/i18n.ts";
import { getStory, listStories } from "./stories.query.ts";
import { storyListQuerySchema } from "./stories.schema.ts";
import { addClaimToStory, createStory, removeClaimFromStory, updateStory } from "./stories.service.ts";

const editor = [requireRole("editor")];

/** The JSON API over stories: same services, same validation, same audit as the pages. */
export function storiesApi(db: Db) {
  return mount(withIds(Router(), { id: N_("That story"), claimId: N_("That claim") }), [
    route("get", "/stories", [], async (req, res) => void res.json(await listStories(db, parse(storyListQuerySchema, req.query)))),
    route("post", "/stories", editor, async (req, res) => {
      const story = await createStory(db, actorOf(req.user!), req.body);
      res.status(201).json(await getStory(db, story.id));
    }),
    route("get", "/stories/:id", [], async (req, res) => void res.json(await getStory(db, idParam(req)))),
    route("patch", "/stories/:id", editor, async (req, res) => {
      const story = await updateStory(db, actorOf(req.user!), idParam(req), req.body);
      res.json(await getStory(db, story.id));
    }),
    route("post", "/stories/:id/claims", editor, async (req, res) => {
      res.status(201).json(await addClaimToStory(db, actorOf(req.user!), idParam(req), req.body));
    }),
    route("delete", "/stories/:id/claims/:claimId", editor, async (req, res) => {
      res.json(await removeClaimFromStory(db, actorOf(req.user!), idParam(req), idParam(req, "claimId")));
    }),
  ]);
}
