import { Router, type Request, type Response } from "express";
import type { Db } from "../db.ts";
import { Invalid, type Conflict } from "../errors.ts";
import { mount, route } from "../http/routes.ts";
import { parse } from "../validation.ts";
import { auditLog, auditPageSchema, filterChoices } from "./audit.log.ts";
import { chainState } from "./audit.verification.ts";

/** The filters as the editor typed them, for the filter form. */
const typed = (req: Request) =>
  Object.fromEntries(["actor", "action", "since", "until", "subjectType", "subjectId"].map((k) => [k, typeof req.query[k] === "string" ? req.query[k] : ""]));

export function auditRouter(db: Db) {
  async function index(req: Request, res: Response) {
    const log = await auditLog(db, parse(auditPageSchema, req.query));
    res.render("audit/index", { title: req.t("Audit log"), ...log, filters: typed(req), query: req.query, errors: {} });
  }

  // A filter that does not parse (a mistyped date) keeps the form, with the message beside the field.
  async function badFilter(req: Request, res: Response, err: Invalid | Conflict) {
    const fields = err instanceof Invalid ? err.fields : {};
    res.status(422).render("audit/index", {
      title: req.t("Audit log"),
      ...(await filterChoices(db)),
      items: [],
      olderCursor: null,
      newerCursor: null,
      sources: {},
      entities: {},
      records: {},
      chain: await chainState(db),
      filters: typed(req),
      query: req.query,
      errors: fields,
    });
  }

  return mount(Router(), [route("get", "/audit", [], index, badFilter)]);
}
