import type { NextFunction, Request, Response } from "express";
import type { Db } from "../db.ts";
import { isApi } from "../http/auth.ts";
import { unreadCount } from "./inbox.query.ts";

/**
 * The navigation's unread count, for the pages of a signed-in account: one
 * COUNT on InboxItem's key (userId, eventId) a page. The API has no
 * navigation, so its calls skip it.
 */
export function inboxCount(db: Db) {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.inboxUnread = req.user && !isApi(req) ? await unreadCount(db, req.user.id) : 0;
    next();
  };
}
