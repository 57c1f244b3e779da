import { randomBytes } from "node:crypto";
import { loadConfig } from "../config.ts";
import { COMMAND, openMigrated, type Db } from "../db.ts";
import { Misuse, parseCli, runCli } from "../cli.ts";
import { Invalid } from "../errors.ts";
import type { Actor } from "../audit/audit.service.ts";
import { changeRole, createUser, findUserByEmail, issueToken, listUsers } from "./users.service.ts";
import { accountOf, revokeTokens, setDisabled, setPassword } from "./accounts.service.ts";

// Operators' account commands: npm run users -- <command>. Writes go through
// the same services (validation, audit) as the admin page.

const USAGE = `Usage: npm run users -- <command>

  add EMAIL --role ROLE [--name NAME]
      Create an account. The password is the first line of stdin when one is
      piped in; otherwise a strong one is generated and printed once.
  role EMAIL ROLE      Change an account's role.
  token EMAIL          Issue a new API token for the account (printed once).
  tokens EMAIL         List the account's API tokens: id, issued, last used, revoked.
  revoke EMAIL TOKEN_ID | revoke EMAIL --all
                       Revoke one of the account's API tokens, or all of them.
  password EMAIL       Set a new password (stdin's first line, or generated and
                       printed once); the account's sessions end.
  disable EMAIL        Disable the account: its sessions end at once, its
                       password and tokens are refused until it is enabled.
  enable EMAIL         Enable a disabled account again.
  list                 List the accounts.

Roles: viewer (reads), editor (also writes), admin (also manages users).
The database is DATABASE_URL (default file:./data/claims.db); it is migrated first.`;

/** Whoever can run this can already open the database file; the audit trail names them "cli". */
const CLI: Actor = { id: null, label: "cli", role: "admin" };

interface Options {
  role?: string | undefined;
  name?: string | undefined;
  all?: boolean | undefined;
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

/** The password piped in, or a generated one; `show` prints a generated one once, after the change is made. */
async function newPassword(): Promise<{ password: string; show: () => void }> {
  const piped = await passwordFromStdin();
  // 15 random bytes are 20 base64url characters: 120 bits, beyond guessing.
  const password = piped ?? randomBytes(15).toString("base64url");
  const show = () => {
    if (!piped) console.log(`Generated password (shown only this once; store it now):\n  ${password}`);
  };
  return { password, show };
}

async function add(db: Db, [email]: string[], opts: Options) {
  const { password, show } = await newPassword();
  const user = await createUser(db, CLI, { email, role: opts.role, name: opts.name ?? "", password });
  console.log(`Created ${user.email} as ${user.role}.`);
  show();
}

async function password(db: Db, [email]: string[]) {
  const user = await findUserByEmail(db, email!);
  const { password, show } = await newPassword();
  await setPassword(db, CLI, user.id, { password });
  console.log(`New password set for ${user.email}; its sessions have ended.`);
  show();
}

const access =
  (disabled: boolean) =>
  async (db: Db, [email]: string[]) => {
    const user = await findUserByEmail(db, email!);
    const { changed } = await setDisabled(db, CLI, user.id, disabled);
    const state = disabled ? "disabled" : "enabled";
    console.log(
      changed
        ? `${user.email} is ${state}.${disabled ? " Its sessions have ended; its password and tokens are refused." : ""}`
        : `${user.email} is already ${state}; nothing changed.`,
    );
  };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");

async function tokens(db: Db, [email]: string[]) {
  const account = await accountOf(db, (await findUserByEmail(db, email!)).id);
  if (!account.tokens.length) return console.log(`${account.email} has no API tokens.`);
  console.log(`${"ID".padEnd(6)}  ${"ISSUED (UTC)".padEnd(16)}  ${"LAST USED".padEnd(16)}  REVOKED`);
  for (const t of account.tokens)
    console.log(`${String(t.id).padEnd(6)}  ${when(t.createdAt).padEnd(16)}  ${when(t.lastUsedAt).padEnd(16)}  ${when(t.revokedAt)}`);
}

async function revoke(db: Db, [email, id]: string[], opts: Options) {
  if ((id === undefined) === !opts.all) throw new Misuse('"revoke" takes a token id or --all: one of the two.');
  if (id !== undefined && !/^\d{1,15}$/.test(id)) throw new Misuse(`Not a token id: ${id}`);
  const user = await findUserByEmail(db, email!);
  const ids = await revokeTokens(db, CLI, user.id, opts.all ? "all" : Number(id));
  console.log(ids.length ? `Revoked ${ids.map((i) => `#${i}`).join(", ")} of ${user.email}.` : `No token of ${user.email} left to revoke; nothing changed.`);
}

async function role(db: Db, [email, newRole]: string[]) {
  const user = await findUserByEmail(db, email!);
  const updated = await changeRole(db, CLI, user.id, { role: newRole });
  console.log(
    user.role === updated.role
      ? `${updated.email} is already ${updated.role}; nothing changed.`
      : `${updated.email} is now ${updated.role} (was ${user.role}).`,
  );
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

/** Each command with its least and most positional arguments. */
const COMMANDS: Record<string, { args: [number, number]; run: (db: Db, args: string[], opts: Options) => Promise<void> }> = {
  add: { args: [1, 1], run: add },
  role: { args: [2, 2], run: role },
  token: { args: [1, 1], run: token },
  tokens: { args: [1, 1], run: tokens },
  revoke: { args: [1, 2], run: revoke },
  password: { args: [1, 1], run: password },
  disable: { args: [1, 1], run: access(true) },
  enable: { args: [1, 1], run: access(false) },
  list: { args: [0, 0], run: list },
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, {
    role: { type: "string" },
    name: { type: "string" },
    all: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [name, ...args] = positionals;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) throw new Misuse(name === undefined ? "No command given." : `Unknown command: ${name}`);
  const [least, most] = command.args;
  if (args.length < least || args.length > most) {
    const takes = least === most ? String(least) : `${least} or ${most}`;
    throw new Misuse(`"${name}" takes ${takes} argument${most === 1 ? "" : "s"}, not ${args.length}.`);
  }

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
  for (const [field, message] of Object.entries(err.fields)) console.error(`  ${field}: ${String(message)}`);
  return true;
}

runCli(main, USAGE, explain);
