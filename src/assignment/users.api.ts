import { Router } from "express";
import type { Db } from "../db.ts";
import { mount, route } from "../http/routes.ts";
import { activeUsers } from "./assignment.query.ts";

/** GET /api/users: the active accounts, for any signed-in user (an assignment picker, or who is who in a claim's JSON). */
export const usersApi = (db: Db) => mount(Router(), [route("get", "/users", [], async (_req, res) => void res.json(await activeUsers(db)))]);
