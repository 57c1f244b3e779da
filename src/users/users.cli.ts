import { randomBytes } from "node:crypto";
import { loadConfig } from "../config.ts";
import { COMMAND, openMigrated, type Db } from "../db.ts";
import { Misuse, parseCli, runCli } from "../cli.ts";
import { Invalid } from "../errors.ts";
import type { Actor } from "../audit/audit.service.ts";
import { changeRole, createUser, findUserByEmail, issueToken, listUsers } from "./users.service.ts";

// Operators' account commands: npm run users -- <command>. Writes go through
// the same services (validation, audit) as the admin page.

const USAGE = `Usage: npm run users -- <command>

  add EMAIL --role ROLE [--name NAME]
      Create an account. The password is the first line of stdin when one is
      piped in; otherwise a strong one is generated and printed once.
  role EMAIL ROLE      Change an account's role.
  token EMAIL          Issue a new API token for the account (printed once).
  list                 List the accounts.

Roles: viewer (reads), editor (also writes), admin (also manages users).
The database is DATABASE_URL (default file:./data/claims.db); it is migrated first.`;

/** Whoever can run this can already open the database file; the audit trail names them "cli". */
const CLI: Actor = { id: null, label: "cli", role: "admin" };

interface Options {
  role?: string | undefined;
  name?: string | undefined;
}

const STDIN_SILENCE_MS = 1500;

/**
 * The first line of a piped stdin, or null when there is none: a terminal,
 * /dev/null, or a stdin that stays open and silent (some CI runners), which
 * must not hang the command.
 */
function passwordFromStdin(): Promise<string | null> {
  const stdin = process.stdin;
  if (stdin.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    let text = "";
    let guard = setTimeout(() => done(), STDIN_SILENCE_MS);
    function done() {
      clearTimeout(guard);
      stdin.removeAllListeners("data").removeAllListeners("end");
      stdin.destroy();
      resolve(text.split(/\r?\n/)[0]!.trim() || null);
    }
    stdin.setEncoding("utf8");
    stdin.on("data", (chunk: string) => {
      text += chunk;
      clearTimeout(guard);
      if (text.includes("\n")) done();
      else guard = setTimeout(() => done(), STDIN_SILENCE_MS);
    });
    stdin.on("end", done);
    stdin.on("error", done);
  });
}


async function add(db: Db, [email]: string[], opts: Options) {
  const piped = await passwordFromStdin();
  // 15 random bytes are 20 base64url characters: 120 bits, beyond guessing.
  const password = piped ?? randomBytes(15).toString("base64url");
  const user = await createUser(db, CLI, { email, role: opts.role, name: opts.name ?? "", password });
  console.log(`Created ${user.email} as ${user.role}.`);
  if (!piped) console.log(`Generated password (shown only this once; store it now):\n  ${password}`);
}

async function role(db: Db, [email, newRole]: string[]) {
  const user = await findUserByEmail(db, email!);
  const updated = await changeRole(db, CLI, user.id, { role: newRole });
  console.log(user.role === updated.role ? `${updated.email} is already ${updated.role}; nothing changed.` : `${updated.email} is now ${updated.role} (was ${user.role}).`);
}

async function token(db: Db, [email]: string[]) {
  const value = await issueToken(db, CLI, email!);
  console.log(`New API token for ${email} (shown only this once; only its hash is stored):\n  ${value}`);
  console.log("Send it as the header  Authorization: Bearer <token>");
}

async function list(db: Db) {
  const users = await listUsers(db);
  if (!users.length) return console.log("No users yet. Create the first admin: npm run users -- add you@example.org --role admin");
  const width = Math.max(5, ...users.map((u) => u.email.length));
  console.log(`${"EMAIL".padEnd(width)}  ${"ROLE".padEnd(6)}  ${"CREATED (UTC)".padEnd(16)}  NAME`);
  for (const u of users) {
    console.log(`${u.email.padEnd(width)}  ${u.role.padEnd(6)}  ${u.createdAt.toISOString().slice(0, 16).replace("T", " ")}  ${u.name}`);
  }
}

const COMMANDS: Record<string, { args: number; run: (db: Db, args: string[], opts: Options) => Promise<void> }> = {
  add: { args: 1, run: add },
  role: { args: 2, run: role },
  token: { args: 1, run: token },
  list: { args: 0, run: list },
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, { role: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [name, ...args] = positionals;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) throw new Misuse(name === undefined ? "No command given." : `Unknown command: ${name}`);
  if (args.length !== command.args) throw new Misuse(`"${name}" takes ${command.args} argument${command.args === 1 ? "" : "s"}, not ${args.length}.`);

  const db = await openMigrated(loadConfig().databaseUrl, COMMAND);
  try {
    await command.run(db, args, values);
  } finally {
    await db.$disconnect();
  }
  return 0;
}

/** Field errors, one a line. */
function explain(err: unknown): boolean {
  if (!(err instanceof Invalid)) return false;
  console.error("Nothing was written:");
  for (const [field, message] of Object.entries(err.fields)) console.error(`  ${field}: ${message}`);
  return true;
}

runCli(main, USAGE, explain);
