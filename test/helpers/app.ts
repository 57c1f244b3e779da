import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import request from "supertest";
import { inject } from "vitest";
import pg from "pg";
import { databaseUrl } from "../../scripts/postgres-server.ts";
import { TEMPLATE } from "./postgres-setup.ts";
import type TestAgent from "supertest/lib/agent.js";
import type { Logger } from "pino";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase, type Db } from "../../src/db.ts";
import { SYSTEM } from "../../src/audit/audit.service.ts";
import { createUser, issueToken } from "../../src/users/users.service.ts";
import type { RoleName } from "../../src/roles.ts";

export type Agent = InstanceType<typeof TestAgent>;

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  /** the SQLite file; on PostgreSQL, the database's URL */
  file: string;
  /** the database's DATABASE_URL, for a second app or a command on the same database */
  url: string;
  /** a signed-in browser-like agent with the session's CSRF token */
  signIn(role: RoleName, email?: string): Promise<{ agent: Agent; csrf: string; email: string; id: number }>;
  /** a bearer token for a new user of that role */
  token(role: RoleName): Promise<string>;
  close(): Promise<void>;
}

export const PASSWORD = "correct horse battery staple";

/** The CSRF token from a page's first hidden _csrf field. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error("no CSRF token on the page");
  return m[1]!;
}

export interface TestAppOptions {
  /** the folder of the database file (a small disk, say); the run's temporary folder by default */
  dir?: string;
  /** an existing database file to serve instead of a fresh copy */
  file?: string;
  /** more settings, as environment variables */
  env?: Record<string, string>;
  /** the app's JSON log (none by default) */
  logger?: Logger;
}

/** A fresh copy of the migrated template database, on the engine of the test project: its URL, and how to remove it. */
export async function freshDatabase(dir?: string): Promise<{ url: string; file: string; remove(): Promise<void> }> {
  if (inject("engine") === "postgresql") {
    const name = `t_${randomUUID().replace(/-/g, "")}`;
    const server = inject("postgresUrl");
    await adminQuery(server, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    const url = databaseUrl(server, name);
    return { url, file: url, remove: () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const tmp = inject("tmpDir");
  const file = path.join(dir ?? tmp, `${randomUUID()}.db`);
  copyFileSync(path.join(tmp, "template.db"), file);
  return {
    url: `file:${file}`,
    file,
    remove: () => Promise.resolve(removeSqlite(file)),
  };
}

function removeSqlite(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An app on a fresh copy of the migrated template database. */
export async function testApp({ dir, file: existing, env = {}, logger }: TestAppOptions = {}): Promise<TestApp> {
  const fresh = existing ? { url: `file:${existing}`, file: existing, remove: () => Promise.resolve(removeSqlite(existing)) } : await freshDatabase(dir);
  const { url, file } = fresh;
  const db = await openDatabase(url);
  const config = { ...loadConfig({ NODE_ENV: "test", DATABASE_URL: url, SESSION_SECRET: "x".repeat(40), ...env }) };
  const app = createApp({ db, config, log: () => {}, ...(logger ? { logger } : {}) });
  let n = 0;
  return {
    app,
    db,
    file,
    url,
    async signIn(role, email = `${role}${++n}@example.org`) {
      const user = await createUser(db, SYSTEM, { email, role, password: PASSWORD, name: `${role} ${n}` });
      const agent = request.agent(app);
      const login = await agent.get("/login");
      await agent
        .post("/login")
        .type("form")
        .send({ email, password: PASSWORD, _csrf: csrfFrom(login.text) })
        .expect(302);
      const page = await agent.get("/claims").expect(200);
      return { agent, csrf: csrfFrom(page.text), email, id: user.id };
    },
    async token(role) {
      const email = `${role}-api${++n}@example.org`;
      await createUser(db, SYSTEM, { email, role, password: PASSWORD });
      return issueToken(db, SYSTEM, email);
    },
    async close() {
      await db.$disconnect();
      await fresh.remove();
    },
  };
}

/** JSON API calls with a bearer token (no cookie, so no CSRF token). */
export const bearer = (app: TestApp["app"], token: string) => ({
  get: (url: string) => request(app).get(url).set("Authorization", `Bearer ${token}`),
  post: (url: string, body: object) => request(app).post(url).set("Authorization", `Bearer ${token}`).send(body),
  patch: (url: string, body: object) => request(app).patch(url).set("Authorization", `Bearer ${token}`).send(body),
  delete: (url: string) => request(app).delete(url).set("Authorization", `Bearer ${token}`),
});
