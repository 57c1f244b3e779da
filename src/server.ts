import type { Server } from "node:http";
import { createApp } from "./app.ts";
import { databasePath, loadConfig } from "./config.ts";
import { openMigrated } from "./db.ts";
import { StartupRefusal, checkDatabaseFile } from "./sqlite/startup-check.ts";
import { PrismaSessionStore } from "./http/session-store.ts";
import { startVerifier } from "./audit/audit.verification.ts";
import { seedIfEmpty } from "../seed/seed.ts";
import { countUsers } from "./users/users.service.ts";
import { pruneSignIns } from "./users/sign-in.service.ts";
import { backfillUrlKeys } from "./sources/sources.service.ts";

/** A start that cannot go on: the operator reads why and what to do, not a stack trace. */
function refuse(err: unknown): never {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof StartupRefusal || e.message?.startsWith("Invalid configuration")) console.error(`Claimtrack did not start. ${e.message}`);
  else if (e.code === "EACCES" || e.code === "EROFS") console.error(`Claimtrack did not start: cannot write ${e.path ?? "its data folder"} (${e.code}). Fix the permissions, or set DATABASE_URL to a writable place.`);
  else console.error("Claimtrack did not start:", err);
  process.exit(1);
}

// The only listen(): configuration, a check of the database file, migrations, seed, then serve until SIGTERM.
const config = (() => {
  try {
    const config = loadConfig();
    checkDatabaseFile(databasePath(config.databaseUrl));
    return config;
  } catch (err) {
    return refuse(err);
  }
})();
const db = await openMigrated(config.databaseUrl).catch(refuse);
// sources from before the duplicate check's key existed, or written by raw SQL, get theirs
const keyed = await backfillUrlKeys(db);
if (keyed) console.log(`Normalised the URLs of ${keyed} sources for the duplicate check.`);

const seeded = await seedIfEmpty(db);
if (seeded) console.log(`Seeded ${seeded.claims} claims, ${seeded.sources} sources and ${seeded.entities} entities from the source article.`);
if ((await countUsers(db)) === 0) {
  console.log(
    [
      "",
      "No users yet. Create the first admin (the password is read from stdin, or generated and printed once):",
      "  npm run users -- add you@example.org --role admin",
      "",
    ].join("\n"),
  );
}

// Expired sessions and old sign-in events go at start and hourly; a failed
// pass (the database busy) is logged and left to the next one.
const store = new PrismaSessionStore(db);
const prune = () => Promise.all([store.prune(), pruneSignIns(db)]);
await prune();
const pruning = setInterval(() => void prune().catch((err: unknown) => console.error("Pruning failed:", err)), 60 * 60 * 1000).unref();

const app = createApp({ db, config });
const server: Server = app.listen(config.port, config.host, () => {
  console.log(`Claimtrack is serving http://localhost:${config.port} on ${config.databaseUrl}`);
});
// its first check walks the whole chain; the walk yields between pages, so requests are served meanwhile
const verifier = startVerifier(db);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then closing the database.`);
  clearInterval(pruning);
  server.close(async () => {
    await verifier.stop();
    await db.$disconnect();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
