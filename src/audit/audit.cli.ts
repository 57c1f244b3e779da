import { loadConfig } from "../config.ts";
import { openMigrated } from "../db.ts";
import { verifyChain } from "./audit.service.ts";

// npm run audit:verify: walks the audit chain and prints { ok, events, head,
// firstBadEvent } as JSON; exits 1 when the chain is broken, so a cron job
// or a monitor can alert on it.
const db = await openMigrated(loadConfig().databaseUrl);
const report = await verifyChain(db);
await db.$disconnect();
console.log(JSON.stringify(report, null, 2));
if (!report.ok) console.error(`The audit chain is broken at event #${report.firstBadEvent}.`);
process.exit(report.ok ? 0 : 1);
