import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Conflict, Invalid, NotFound, type FieldErrors } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { formBody, idParam, mount, route, withIds, type FormRenderer } from "../http/routes.ts";
import { lastChange } from "../audit/audit.names.ts";
import { actorOf } from "../users/users.service.ts";
import { parse } from "../validation.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { getStory, listStories, storyStatusCounts } from "./stories.query.ts";
import { storyPage } from "./stories.page.ts";
import { STORY_STATUSES, STORY_STATUS_LABELS, findClaimSchema, storyChoiceSchema, storyListQuerySchema } from "./stories.schema.ts";
import { addClaimToStory, createStory, removeClaimFromStory, updateStory } from "./stories.service.ts";

const editor = [requireRole("editor")];
const blank = { title: "", description: "" };
const options = { statuses: STORY_STATUSES, statusLabels: STORY_STATUS_LABELS };

/** The new and edit pages share _form.ejs; `values` is the story or the editor's input. */
function renderForm(res: Response, view: "new" | "edit", values: Record<string, unknown>, errors: FieldErrors = {}) {
  res.render(`stories/${view}`, { title: view === "new" ? msg("New story") : msg("Edit story #{id}", { id: String(values.id) }), values, errors });
}

const createForm: FormRenderer = (req, res, err) =>
  renderForm(res.status(err.status), "new", { ...blank, ...formBody(req) }, err instanceof Invalid ? err.fields : {});

/** 409 stale: the conflict page, the story as saved beside the editor's input; 422: the edit form again with messages. */
const updateForm =
  (db: Db): FormRenderer =>
  async (req, res, err) => {
    // only what was sent: the archive button sends a status and a version, and no title to compare
    const values = { ...formBody(req), id: idParam(req) };
    if (err instanceof Conflict) {
      const savedBy = await lastChange(db, "story", idParam(req));
      const current = await getStory(db, idParam(req));
      return void res.status(409).render("stories/conflict", { title: msg("Edit conflict"), message: err.text, current, savedBy, values, ...options });
    }
    renderForm(res.status(err.status), "edit", values, err.fields);
  };

/** Back where the add or remove form was: the claim's page, or the story's. */
const back = (req: Request, claimId: number) => (formBody(req).from === "claim" ? `/claims/${claimId}#stories` : `/stories/${idParam(req)}#add-claim`);

export function storiesRouter(db: Db) {
  async function index(req: Request, res: Response) {
    const f = parse(storyListQuerySchema, { status: "active", ...req.query });
    const [page, tabs] = await Promise.all([listStories(db, f), storyStatusCounts(db)]);
    res.render("stories/index", { title: msg("Stories"), ...page, tabs, filters: f, query: req.query, ...options });
  }

  async function show(req: Request, res: Response, errors: FieldErrors = {}) {
    const { find } = findClaimSchema.parse(req.query);
    const page = await storyPage(db, idParam(req), find);
    res.render("stories/show", { title: page.story.title, ...page, find, values: formBody(req) ?? {}, errors, ...options });
  }

  async function create(req: Request, res: Response) {
    const story = await createStory(db, actorOf(req.user!), req.body);
    flash(req, "success", msg("Story #{id} created.", { id: String(story.id) }));
    res.redirect(`/stories/${story.id}`);
  }

  async function update(req: Request, res: Response) {
    const before = Number(formBody(req).version);
    const story = await updateStory(db, actorOf(req.user!), idParam(req), req.body);
    const archived =
      formBody(req).status === "archived" ? N_("Story archived.") : formBody(req).status === "active" ? N_("Story restored.") : N_("Story saved.");
    flash(req, story.version === before ? "info" : "success", story.version === before ? N_("Nothing changed.") : archived);
    res.redirect(`/stories/${story.id}`);
  }

  async function addClaim(req: Request, res: Response) {
    const link = await addClaimToStory(db, actorOf(req.user!), idParam(req), req.body);
    flash(req, "success", msg("Claim #{id} added to the story.", { id: String(link.claimId) }));
    res.redirect(back(req, link.claimId));
  }

  // from the claim page: the story is the one chosen; a refusal is the error page, which names the field.
  // The claim is in the address here, not a field: one that does not exist is a 404, as on every claim's route.
  async function addToChosen(req: Request, res: Response) {
    const claimId = idParam(req, "claimId");
    if (!(await db.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw new NotFound(msg("Claim #{id}", { id: String(claimId) }));
    const { storyId } = parse(storyChoiceSchema, req.body);
    await addClaimToStory(db, actorOf(req.user!), storyId, { claimId });
    flash(req, "success", msg("Claim #{id} added to the story.", { id: String(claimId) }));
    res.redirect(`/claims/${claimId}#stories`);
  }

  async function removeClaim(req: Request, res: Response) {
    const { claimId } = await removeClaimFromStory(db, actorOf(req.user!), idParam(req), idParam(req, "claimId"));
    flash(req, "success", msg("Claim #{id} removed from the story.", { id: String(claimId) }));
    res.redirect(back(req, claimId));
  }

  // a claim that cannot be added: the story's page again, the message beside the number, the number kept
  const addForm: FormRenderer = (req, res, err) => show(req, res.status(err.status), err instanceof Invalid ? err.fields : { claimId: err.text });

  return mount(withIds(Router(), { id: N_("That story"), claimId: N_("That claim") }), [
    route("get", "/stories", [], index),
    route("get", "/stories/new", editor, (_req, res) => renderForm(res, "new", blank)),
    route("post", "/stories", editor, create, createForm),
    route("get", "/stories/:id", [], (req, res) => show(req, res)),
    route("get", "/stories/:id/edit", editor, async (req, res) => renderForm(res, "edit", await getStory(db, idParam(req)))),
    route("post", "/stories/:id", editor, update, updateForm(db)),
    route("post", "/stories/:id/claims", editor, addClaim, addForm),
    route("post", "/stories/:id/claims/:claimId/remove", editor, removeClaim),
    route("post", "/claims/:claimId/stories", editor, addToChosen),
  ]);
}
