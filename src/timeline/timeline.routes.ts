import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Invalid, type Conflict, type FieldErrors } from "../errors.ts";
import { mount, route } from "../http/routes.ts";
import { parse } from "../validation.ts";
import { STATUSES } from "../claims/status.ts";
import { filterNames } from "../claims/claims.query.ts";
import { ORDERS, ORDER_LABELS, timeline, timelineQuerySchema, zoneChoices, type TimelineQuery } from "./timeline.query.ts";

export function timelineRouter(db: Db) {
  async function render(req: Request, res: Response, filters: TimelineQuery, query: Request["query"], errors: FieldErrors) {
    res.render("timeline/index", {
      title: req.t("Timeline"),
      ...(await timeline(db, filters, req.t)),
      storyTitle: filters.story ? (await filterNames(db, undefined, undefined, filters.story)).storyTitle : null,
      filters,
      zones: zoneChoices(filters.tz),
      statuses: STATUSES,
      orders: ORDERS,
      orderLabels: ORDER_LABELS,
      query,
      errors,
    });
  }

  const index = async (req: Request, res: Response) => render(req, res, parse(timelineQuerySchema, req.query), req.query, {});

  // A filter that does not parse (an unknown zone, a stale page link) is dropped:
  // the page shows the rest, in UTC if the zone was the problem, with the message beside the field.
  async function badFilter(req: Request, res: Response, err: Invalid | Conflict) {
    const fields = err instanceof Invalid ? err.fields : {};
    const query = Object.fromEntries(Object.entries(req.query).filter(([k]) => !(k in fields)));
    res.status(422);
    await render(req, res, parse(timelineQuerySchema, query), query, fields);
  }

  return mount(Router(), [route("get", "/timeline", [], index, badFilter)]);
}
