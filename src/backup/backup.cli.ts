import { loadConfig } from "../config.ts";
import { backup } from "./backup.ts";

// npm run backup -- PATH: an online backup of DATABASE_URL, safe while the server runs.
const target = process.argv[2];
if (!target || target.startsWith("-")) {
  console.error("Usage: npm run backup -- PATH   (PATH must not exist yet, e.g. backups/claims-2023-11-21.db)");
  process.exit(2);
}
try {
  const r = await backup(loadConfig().databaseUrl, target);
  console.log(
    r.pages === null
      ? `Backed up ${r.claims} claims (${(r.bytes / 1024 / 1024).toFixed(1)} MiB, pg_dump's custom format; restore with pg_restore) to ${r.file} in ${r.seconds.toFixed(2)} s.`
      : `Backed up ${r.claims} claims (${(r.bytes / 1024 / 1024).toFixed(1)} MiB, ${r.pages} pages) to ${r.file} in ${r.seconds.toFixed(2)} s; integrity check ok.`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
