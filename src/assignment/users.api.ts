import { Router } from "express";
import type { Db } from "../db.ts";
import { requireRole } from "../http/auth.ts";
import { mount, route } from "../http/routes.ts";
import { activeUsers } from "./assignment.query.ts";

/** GET /api/users: the active accounts, for editors and admins (the assignment picker); a viewer, who cannot assign, gets 403. */
export const usersApi = (db: Db) =>
  mount(Router(), [route("get", "/users", [requireRole("editor")], async (_req, res) => void res.json(await activeUsers(db)))]);
