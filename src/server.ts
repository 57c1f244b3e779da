import cluster from "node:cluster";
import type { Server } from "node:http";
import { createApp } from "./app.ts";
import { databasePath, loadConfig, shownUrl } from "./config.ts";
import { COMMAND, openDatabase, openMigrated, type Db } from "./db.ts";
import { startWorkers } from "./workers.ts";
import { StartupRefusal, checkDatabaseFile } from "./sqlite/startup-check.ts";
import { PrismaSessionStore } from "./http/session-store.ts";
import { startVerifier } from "./audit/audit.verification.ts";
import { seedIfEmpty } from "../seed/seed.ts";
import { countUsers } from "./users/users.service.ts";
import { pruneSignIns } from "./users/sign-in.service.ts";
import { backfillUrlKeys } from "./sources/sources.service.ts";
import { deliveryOptions, startDeliveries } from "./webhooks/deliveries.ts";
import type { LiveHub } from "./live/live.hub.ts";
import { liveHubOf } from "./live/live.routes.ts";

/** A start that cannot go on: the operator reads why and what to do, not a stack trace. */
function refuse(err: unknown): never {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof StartupRefusal || e.message?.startsWith("Invalid configuration")) console.error(`Claimtrack did not start. ${e.message}`);
  else if (e.code === "EACCES" || e.code === "EROFS")
    console.error(
      `Claimtrack did not start: cannot write ${e.path ?? "its data folder"} (${e.code}). Fix the permissions, or set DATABASE_URL to a writable place.`,
    );
  else console.error("Claimtrack did not start:", err);
  process.exit(1);
}

// The only listen(): configuration, a check of the database file, migrations, seed, then serve until SIGTERM.
const config = (() => {
  try {
    const config = loadConfig();
    const file = databasePath(config.databaseUrl);
    if (file) checkDatabaseFile(file);
    return config;
  } catch (err) {
    return refuse(err);
  }
})();
/** The start-up work, once, before anything is served: migrations, URL keys, the seed, the first-run hint. */
async function prepare(): Promise<Db> {
  // the start-up work waits for its turn as the commands do: another server starting at once may be seeding
  const db = await openMigrated(config.databaseUrl, COMMAND).catch(refuse);
  // sources from before the duplicate check's key existed, or written by raw SQL, get theirs
  const keyed = await backfillUrlKeys(db);
  if (keyed) console.log(`Normalised the URLs of ${keyed} sources for the duplicate check.`);
  const seeded = await seedIfEmpty(db);
  if (seeded) console.log(`Seeded ${seeded.claims} claims, ${seeded.sources} sources and ${seeded.entities} entities from the source article.`);
  if (!databasePath(config.databaseUrl) && !process.env.SESSION_SECRET)
    console.warn("SESSION_SECRET is not set: this server signs sessions with a secret of its own. Set the same SESSION_SECRET on every app server.");
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
  // served with the server's own, shorter wait for a write
  await db.$disconnect();
  return openDatabase(config.databaseUrl).catch(refuse);
}

/**
 * The background jobs, in one process only: expired sessions and old
 * sign-in events go at start and hourly (a failed pass, the database busy,
 * is logged and left to the next one); the audit chain's verifier, whose
 * first check walks the whole chain (yielding between pages); the webhooks'
 * delivery worker, which empties the outbox that any process's writes fill.
 */
async function background(db: Db) {
  const store = new PrismaSessionStore(db);
  const prune = () => Promise.all([store.prune(), pruneSignIns(db)]).catch((err: unknown) => console.error("Pruning failed:", err));
  await prune();
  const pruning = setInterval(() => void prune(), 60 * 60 * 1000).unref();
  const verifier = startVerifier(db);
  const deliveries = startDeliveries(db, deliveryOptions(config));
  return async () => {
    clearInterval(pruning);
    await Promise.all([verifier.stop(), deliveries.stop()]);
  };
}

function listen(db: Db): { server: Server; live: LiveHub } {
  const app = createApp({ db, config });
  const server = app.listen(config.port, config.host, () => {
    if (cluster.isPrimary) console.log(`Claimtrack is serving http://localhost:${config.port} on ${shownUrl(config.databaseUrl)}`);
  });
  return { server, live: liveHubOf(app) };
}

/** Stops once, on the first SIGTERM or SIGINT; a stop that hangs ends the process after 10 s. */
function onSignal(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (cluster.isPrimary) console.log(`${signal}: finishing requests in flight, then closing the database.`);
    setTimeout(() => process.exit(1), 10_000).unref();
    void stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => handler("SIGTERM"));
  // a terminal's Ctrl-C reaches every process of the group: the primary decides, and stops its workers
  process.on("SIGINT", () => (cluster.isPrimary ? handler("SIGINT") : undefined));
}

/**
 * Stops taking connections, ends the live streams (they would hold the
 * server open for ever), lets the requests in flight finish, then closes the database.
 */
const closing =
  ({ server, live }: { server: Server; live: LiveHub }, db: Db) =>
  () =>
    new Promise<void>((done) => {
      server.close(() => void db.$disconnect().then(done));
      void live.close().then(() => server.closeIdleConnections());
      server.closeIdleConnections();
    });

if (cluster.isWorker) {
  // a worker serves; the primary did the start-up work and runs the background jobs
  const db = await openDatabase(config.databaseUrl).catch(refuse);
  onSignal(closing(listen(db), db));
} else if (config.workers > 1) {
  const db = await prepare();
  const stopJobs = await background(db);
  const workers = startWorkers(config.workers);
  await workers.ready;
  console.log(`Claimtrack is serving http://localhost:${config.port} on ${shownUrl(config.databaseUrl)} with ${config.workers} worker processes`);
  onSignal(async () => {
    await workers.stop();
    await stopJobs();
    await db.$disconnect();
  });
} else {
  const db = await prepare();
  const stopJobs = await background(db);
  const close = closing(listen(db), db);
  onSignal(async () => {
    await stopJobs();
    await close();
  });
}
