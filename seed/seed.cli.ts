import { loadConfig } from "../src/config.ts";
import { COMMAND, openMigrated } from "../src/db.ts";
import { seedIfEmpty } from "./seed.ts";

// npm run db:seed: what npm start does before serving, on its own.
const config = loadConfig();
const db = await openMigrated(config.databaseUrl, COMMAND);
const counts = await seedIfEmpty(db);
console.log(
  counts
    ? `Seeded ${counts.claims} claims, ${counts.sources} sources and ${counts.entities} entities from the source article.`
    : "The ledger already holds data; the seed adds nothing.",
);
await db.$disconnect();
