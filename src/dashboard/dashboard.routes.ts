import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { mount, route } from "../http/routes.ts";
import { STATUSES } from "../claims/status.ts";
import { dashboard } from "./dashboard.query.ts";
import { statusChart } from "./status-chart.ts";
import { activeStories } from "../stories/stories.query.ts";

/** The home page after sign-in: where the claims stand and what changed lately. */
export function dashboardRouter(db: Db) {
  async function home(req: Request, res: Response) {
    const [data, stories] = await Promise.all([dashboard(db), activeStories(db)]);
    const chart = data.series.length ? statusChart(data.series, req.t) : "";
    res.render("dashboard/index", { title: req.t("Dashboard"), ...data, stories, chart, statuses: STATUSES });
  }

  return mount(Router(), [route("get", "/", [], home)]);
}
