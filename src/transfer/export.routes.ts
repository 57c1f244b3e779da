import { Router, type Response } from "express";
import type { Db } from "../db.ts";
import { mount, route } from "../http/routes.ts";
import { parse } from "../validation.ts";
import { assigneeFor, listQuerySchema } from "../claims/claims.schema.ts";
import { csvExport, jsonExport } from "./export.query.ts";

/** Resolves when the socket can take more, or is gone. */
const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });

/**
 * Sends the chunks as they come, waiting while the client is slower than the
 * database, so memory holds about a page whatever the ledger's size. A
 * client that goes away stops the reading.
 */
async function stream(res: Response, chunks: AsyncIterable<string>) {
  for await (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}

/** A download named after the day, never cached: the ledger holds unpublished work. */
function download(res: Response, extension: "json" | "csv", now: Date) {
  res.attachment(`claimtrack-${now.toISOString().slice(0, 10)}.${extension}`);
  res.set("Cache-Control", "no-store");
}

/**
 * The ledger as a file: JSON to move it to another Claimtrack (npm run
 * import), CSV for spreadsheets. The claims list's filters narrow it
 * (?status=rumored&q=…); its page size, cursors and sort do not apply.
 */
export function exportRouter(db: Db) {
  return mount(Router(), [
    route("get", "/export/claims.json", [], async (req, res) => {
      const filters = assigneeFor(parse(listQuerySchema, req.query), req.user!.id);
      const now = new Date();
      download(res, "json", now);
      await stream(res, jsonExport(db, now, filters));
    }),
    route("get", "/export/claims.csv", [], async (req, res) => {
      const filters = assigneeFor(parse(listQuerySchema, req.query), req.user!.id);
      download(res, "csv", new Date());
      await stream(res, csvExport(db, filters));
    }),
  ]);
}
