import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../src/app.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase, type Db } from "../src/db.ts";
import { authenticate, createUser, issueToken, userForToken } from "../src/users/users.service.ts";
import pg from "pg";
import { databaseUrl } from "../scripts/postgres-server.ts";
import { PASSWORD } from "./helpers/app.ts";

// The CLI runs as operators run it: a child process on its own database
// (a new file, or a new PostgreSQL database), which it makes and migrates itself (nothing has opened it before), while this
// process holds the same file open as a running server would.

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const FILE = path.join(inject("tmpDir"), `cli-${randomUUID()}.db`);
// on PostgreSQL, a database the server does not have yet: the CLI creates it too
const NAME = `cli_${randomUUID().replace(/-/g, "")}`;
const DB_URL = inject("engine") === "postgresql" ? databaseUrl(inject("postgresUrl"), NAME) : `file:${FILE}`;
const SESSION_SECRET = "s".repeat(40); // so the CLI writes no secret file beside the test databases

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `users.cli.ts args`. stdin: text piped then closed; "" closed at once (like /dev/null); "open" left open and silent. */
function cli(args: string[], stdin = ""): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      ["src/users/users.cli.ts", ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: DB_URL, SESSION_SECRET }, timeout: 20_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
    if (stdin !== "open") child.stdin!.end(stdin);
  });
}

let db: Db;
beforeAll(async () => {
  const first = await cli(["list"]);
  expect(first, first.stderr).toMatchObject({ code: 0 });
  expect(first.stdout).toContain("No users yet.");
  db = await openDatabase(DB_URL);
});
afterAll(async () => {
  await db?.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(FILE + suffix, { force: true });
  if (inject("engine") === "postgresql") {
    const admin = new pg.Client({ connectionString: inject("postgresUrl") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`).finally(() => admin.end());
  }
});

const generated = (stdout: string) => /shown only this once; store it now\):\n {2}(\S+)\n/.exec(stdout)?.[1];

describe("npm run users -- add", () => {
  it("add with a password on stdin creates the user with an argon2id hash; the first line, trimmed, is the password", async () => {
    const res = await cli(["add", "Piped@Example.org", "--role", "editor", "--name", "Pia Piped"], "  a piped password 123  \r\nsecond line\n");
    expect(res, res.stderr).toMatchObject({ code: 0 });
    expect(res.stdout).toContain("Created piped@example.org as editor.");
    expect(res.stdout).not.toContain("Generated password");
    const user = await db.user.findUniqueOrThrow({ where: { email: "piped@example.org" } });
    expect(user).toMatchObject({ role: "editor", name: "Pia Piped" });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await authenticate(db, "piped@example.org", "a piped password 123")).toMatchObject({ id: user.id });
    const event = await db.auditEvent.findFirst({ where: { action: "user.create", subjectId: user.id } });
    expect(event?.actorLabel).toBe("cli");
  });

  it("add with stdin closed and empty prints a generated 20-character password once, and it signs in", async () => {
    const res = await cli(["add", "generated@example.org", "--role", "viewer"]);
    expect(res, res.stderr).toMatchObject({ code: 0 });
    const password = generated(res.stdout);
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(res.stdout.split(password!).length - 1).toBe(1);
    expect(await authenticate(db, "generated@example.org", password!)).toMatchObject({ role: "viewer" });
    const row = await db.user.findUniqueOrThrow({ where: { email: "generated@example.org" } });
    expect(row.passwordHash).not.toContain(password);
  });

  it("add with stdin left open and silent (a CI runner) does not hang and generates a password", async () => {
    const res = await cli(["add", "silent@example.org", "--role", "viewer"], "open");
    expect(res, res.stderr).toMatchObject({ code: 0 });
    expect(await authenticate(db, "silent@example.org", generated(res.stdout)!)).not.toBeNull();
  });

  it("add with an email already taken exits 1 with a message and writes nothing", async () => {
    await createUser(db, SYSTEM, { email: "taken@example.org", role: "viewer", password: PASSWORD });
    const events = await db.auditEvent.count();
    const res = await cli(["add", "TAKEN@example.org", "--role", "editor"], "another password 456\n");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("A user with this email already exists.");
    expect(await db.auditEvent.count()).toBe(events);
    expect(await authenticate(db, "taken@example.org", PASSWORD)).toMatchObject({ role: "viewer" });
  });

  it("add with an invalid email, an unknown role or a short password exits 1 with each message and writes nothing", async () => {
    const users = await db.user.count();
    const res = await cli(["add", "not-an-email", "--role", "owner"], "short\n");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("email: Must be an email address");
    expect(res.stderr).toContain("role: Role must be viewer, editor or admin.");
    expect(res.stderr).toContain("password: Passwords need at least 12 characters.");
    expect(res.stdout).not.toContain("Created");
    expect(await db.user.count()).toBe(users);
  });
});

describe("npm run users -- token, role, list", () => {
  it("token prints a new token once, which the API accepts as a bearer token; an unknown email exits 1", async () => {
    const user = await createUser(db, SYSTEM, { email: "api@example.org", role: "editor", password: PASSWORD });
    const res = await cli(["token", "api@example.org"]);
    expect(res, res.stderr).toMatchObject({ code: 0 });
    expect(res.stdout).toContain("shown only this once");
    const token = /\n {2}(ct_\S+)\n/.exec(res.stdout)?.[1];
    expect(await userForToken(db, token!)).toMatchObject({ id: user.id });
    const app = createApp({ db, config: loadConfig({ NODE_ENV: "test", DATABASE_URL: DB_URL, SESSION_SECRET }), log: () => {} });
    await request(app).get("/api/claims").set("Authorization", `Bearer ${token}`).expect(200);
    await request(app).get("/api/claims").set("Authorization", `Bearer ${token}x`).expect(401);
    const missing = await cli(["token", "nobody@example.org"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("The user nobody@example.org was not found.");
  });

  it("role changes a role and audits it as cli; demoting the only admin or an unknown role exits 1 and changes nothing", async () => {
    const admin = await createUser(db, SYSTEM, { email: "boss@example.org", role: "admin", password: PASSWORD });
    const editor = await createUser(db, SYSTEM, { email: "promoted@example.org", role: "editor", password: PASSWORD });
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);

    const last = await cli(["role", "boss@example.org", "editor"]);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain("This is the last admin; make another user admin first.");
    const bad = await cli(["role", "promoted@example.org", "owner"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Role must be viewer, editor or admin.");
    expect(await db.auditEvent.count({ where: { action: "user.role" } })).toBe(0);

    const ok = await cli(["role", "promoted@example.org", "admin"]);
    expect(ok, ok.stderr).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain("promoted@example.org is now admin (was editor).");
    expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("admin");
    const event = await db.auditEvent.findFirst({ where: { action: "user.role", subjectId: editor.id } });
    expect(event).toMatchObject({ actorLabel: "cli", changes: JSON.stringify({ role: ["editor", "admin"] }) });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("list prints every account's email, role and creation date", async () => {
    await createUser(db, SYSTEM, { email: "listed@example.org", role: "viewer", name: "Lis Ted", password: PASSWORD });
    const res = await cli(["list"]);
    expect(res, res.stderr).toMatchObject({ code: 0 });
    const line = res.stdout.split("\n").find((l) => l.startsWith("listed@example.org"));
    expect(line).toMatch(/^listed@example\.org\s+viewer\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Lis Ted$/);
  });

  it("--help prints the usage and exits 0; an unknown command, a missing argument or an unknown option exits 2 with the usage", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("add EMAIL --role ROLE [--name NAME]");
    for (const args of [["frobnicate"], ["add"], [], ["list", "--bogus"]]) {
      const res = await cli(args);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stderr).toContain("Usage: npm run users -- <command>");
    }
  });
});

describe("npm run users -- disable, enable, tokens, revoke, password", () => {
  it("disable refuses the account's token at once and ends its sessions, audited as cli; enable restores the token", async () => {
    const user = await createUser(db, SYSTEM, { email: "leaver@example.org", role: "editor", password: PASSWORD });
    const token = await issueToken(db, SYSTEM, "leaver@example.org");
    await db.session.create({
      data: { sid: "leaver-session", data: JSON.stringify({ userId: user.id }), expiresAt: new Date(Date.now() + 3600_000), userId: user.id },
    });

    const off = await cli(["disable", "Leaver@Example.org"]);
    expect(off, off.stderr).toMatchObject({ code: 0 });
    expect(off.stdout).toContain("leaver@example.org is disabled.");
    expect(await userForToken(db, token)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { action: "user.disable", subjectId: user.id } })).toMatchObject({ actorLabel: "cli" });
    expect((await cli(["disable", "leaver@example.org"])).stdout).toContain("already disabled; nothing changed");

    const on = await cli(["enable", "leaver@example.org"]);
    expect(on, on.stderr).toMatchObject({ code: 0 });
    expect(await userForToken(db, token)).toMatchObject({ id: user.id });
  });

  it("disable of the last active admin exits 1 and changes nothing", async () => {
    const admins = await db.user.findMany({ where: { role: "admin", disabledAt: null } });
    for (const a of admins.slice(1)) await cli(["role", a.email, "editor"]);
    const last = (await db.user.findFirst({ where: { role: "admin", disabledAt: null } }))!;
    const res = await cli(["disable", last.email]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("This is the last admin");
    expect((await db.user.findUniqueOrThrow({ where: { id: last.id } })).disabledAt).toBeNull();
  });

  it("tokens lists id, issue and last use; revoke ID refuses that token at once; revoke --all the rest; wrong arguments exit 2", async () => {
    const user = await createUser(db, SYSTEM, { email: "bot@example.org", role: "viewer", password: PASSWORD });
    const first = await issueToken(db, SYSTEM, "bot@example.org");
    const second = await issueToken(db, SYSTEM, "bot@example.org");
    await userForToken(db, first); // used once
    const [a, b] = (await db.apiToken.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } })).map((r) => r.id);

    const listed = await cli(["tokens", "bot@example.org"]);
    expect(listed, listed.stderr).toMatchObject({ code: 0 });
    expect(listed.stdout).toMatch(new RegExp(`^${a}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+-$`, "m"));
    expect(listed.stdout).toMatch(new RegExp(`^${b}\\s+\\S+ \\S+\\s+-\\s+-$`, "m"));

    const one = await cli(["revoke", "bot@example.org", String(a)]);
    expect(one, one.stderr).toMatchObject({ code: 0 });
    expect(one.stdout).toContain(`Revoked #${a} of bot@example.org.`);
    expect(await userForToken(db, first)).toBeNull();
    expect(await userForToken(db, second)).not.toBeNull();
    const all = await cli(["revoke", "bot@example.org", "--all"]);
    expect(all.stdout).toContain(`Revoked #${b} of bot@example.org.`);
    expect(await userForToken(db, second)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.token.revoke", subjectId: user.id, actorLabel: "cli" } })).toBe(2);

    for (const args of [
      ["revoke", "bot@example.org"],
      ["revoke", "bot@example.org", "1", "--all"],
      ["revoke", "bot@example.org", "abc"],
    ]) {
      expect((await cli(args)).code, args.join(" ")).toBe(2);
    }
    expect((await cli(["revoke", "bot@example.org", "999999"])).stderr).toContain("Token #999999 of this user was not found.");
  });

  it("password sets the piped password (or prints a generated one), refuses a common one with the reason, and is audited as cli", async () => {
    await createUser(db, SYSTEM, { email: "forgetful@example.org", role: "viewer", password: PASSWORD });
    const common = await cli(["password", "forgetful@example.org"], "password1234\n");
    expect(common.code).toBe(1);
    expect(common.stderr).toContain("password: This is one of the most common passwords");
    expect(await authenticate(db, "forgetful@example.org", PASSWORD)).not.toBeNull();

    const piped = await cli(["password", "forgetful@example.org"], "a brand new passphrase\n");
    expect(piped, piped.stderr).toMatchObject({ code: 0 });
    expect(await authenticate(db, "forgetful@example.org", "a brand new passphrase")).not.toBeNull();
    expect(await authenticate(db, "forgetful@example.org", PASSWORD)).toBeNull();

    const generatedOne = await cli(["password", "forgetful@example.org"]);
    expect(await authenticate(db, "forgetful@example.org", generated(generatedOne.stdout)!)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.password", actorLabel: "cli" } })).toBe(2);
  });
});
