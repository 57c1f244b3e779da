import type { Server } from "node:http";
import { createApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openMigrated } from "./db.ts";
import { PrismaSessionStore } from "./http/session-store.ts";
import { seedIfEmpty } from "../seed/seed.ts";
import { countUsers } from "./users/users.service.ts";
import { pruneSignIns } from "./users/sign-in.service.ts";

// The only listen(): configuration, migrations, seed, then serve until SIGTERM.
const config = loadConfig();
const db = await openMigrated(config.databaseUrl);

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

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then closing the database.`);
  clearInterval(pruning);
  server.close(async () => {
    await db.$disconnect();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
