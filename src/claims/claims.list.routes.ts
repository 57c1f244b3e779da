import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import type { Conflict, Invalid } from "../errors.ts";
import { hasBlankParams, helpers } from "../http/view-helpers.ts";
import { mount, route } from "../http/routes.ts";
import { id, parse } from "../validation.ts";
import { msg } from "../i18n/i18n.ts";
import { filterNames } from "./claims.query.ts";
import { listClaims, selectClaims, statusCounts } from "./claims.list.ts";
import { SORTS, SORT_LABELS, STATES, STATE_LABELS, assigneeFor, listQuerySchema } from "./claims.schema.ts";
import { assignableUsers } from "../assignment/assignment.query.ts";
import { explain } from "./snippet.ts";
import { STATUSES } from "./status.ts";

/** The navigation's "My claims" is this list filtered to the reader's claims, and is titled so. */
const listTitle = (req: Request) => (req.query.assignee === "me" ? msg("My claims") : msg("Claims"));

/** The claims list: GET /claims, its filters, search, status tabs and pages. */
export function claimsListRouter(db: Db) {
  const listOptions = async (req: Request) => ({
    statuses: STATUSES,
    sorts: SORTS,
    sortLabels: SORT_LABELS,
    states: STATES,
    stateLabels: STATE_LABELS,
    assignees: await assignableUsers(db),
    // a filter that does not parse names nothing (the page says why), never a query for id 1e308
    ...(await filterNames(db, id.safeParse(req.query.entity).data, id.safeParse(req.query.source).data, id.safeParse(req.query.story).data)),
  });
  async function index(req: Request, res: Response) {
    // the filter form sends its empty fields too: the address to bookmark and share is the one without them
    if (hasBlankParams(req.query)) return res.redirect(`/claims${helpers.query(req.query, {})}`);
    const filters = assigneeFor(parse(listQuerySchema, req.query), req.user!.id);
    // one search, one MATCH, for the page and its counts
    const selection = await selectClaims(db, filters);
    const [page, counts] = await Promise.all([listClaims(db, filters, selection), statusCounts(db, filters, selection)]);
    const why = page.search ? Object.fromEntries(page.items.map((c) => [c.id, explain(page.search!, c)])) : {};
    res.render("claims/index", { title: listTitle(req), filters, page, counts, why, query: req.query, errors: {}, ...(await listOptions(req)) });
  }

  /** A filter that does not parse keeps the form, with the message beside the field, and lists nothing. */
  async function badFilter(req: Request, res: Response, err: Invalid | Conflict) {
    const filters = { status: [], limit: 25, ...req.query };
    const page = { items: [], nextCursor: null, sort: "newest" };
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    res.status(422).render("claims/index", {
      title: listTitle(req),
      filters,
      page,
      counts,
      why: {},
      query: req.query,
      errors: "fields" in err ? err.fields : {},
      ...(await listOptions(req)),
    });
  }

  return mount(Router(), [route("get", "/claims", [], index, badFilter)]);
}
