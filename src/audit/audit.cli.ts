import { loadConfig } from "../config.ts";
import { openMigrated, type Db } from "../db.ts";
import { Misuse, parseCli, runCli } from "../cli.ts";
import { GENESIS_HASH } from "./audit.service.ts";
import { verifyInFull } from "./audit.verification.ts";

// npm run audit:verify: walks the whole audit chain, keeps the result for
// /audit, prints { ok, events, head, firstBadEvent } as JSON and exits 1 when
// the chain is broken, so a cron job or a monitor can alert on it.

const USAGE = `Usage: npm run audit:verify -- [--since-head HASH] [--head-only]

  Walks the whole audit chain, recomputing every hash, and prints the report
  as JSON. Exits 0 when the chain verifies, 1 when it does not.

  --since-head HASH  Also exit 1 unless the event with this hash (a head noted
                     earlier, outside the database) is still in the chain;
                     reports how many events follow it. Only this detects
                     events deleted from the end of the chain.
  --head-only        Print only the head's hash (nothing when the check
                     fails), to note it elsewhere.

The database is DATABASE_URL (default file:./data/claims.db).`;

const HASH = /^[0-9a-f]{64}$/;

/** The id of the event with that hash (0 for the genesis hash: a head noted before any event), or null when none has it. */
async function eventWithHash(db: Db, hash: string): Promise<number | null> {
  if (hash === GENESIS_HASH) return 0;
  return (await db.auditEvent.findUnique({ where: { hash }, select: { id: true } }))?.id ?? null;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, { "since-head": { type: "string" }, "head-only": { type: "boolean" }, help: { type: "boolean" } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new Misuse(`Unexpected argument: ${positionals[0]}`);
  const noted = values["since-head"]?.trim().toLowerCase();
  if (noted !== undefined && !HASH.test(noted)) throw new Misuse("--since-head takes a hash of 64 hexadecimal characters, as /audit and --head-only print it.");

  const db = await openMigrated(loadConfig().databaseUrl);
  try {
    const { ok, events, head, firstBadEvent } = await verifyInFull(db);
    // undefined: no head was noted; null: no event has it
    const anchor = noted === undefined ? undefined : await eventWithHash(db, noted);
    const eventsAfterHead = anchor == null ? null : await db.auditEvent.count({ where: { id: { gt: anchor } } });
    const passed = ok && anchor !== null;
    if (values["head-only"]) {
      if (passed) console.log(head);
    } else {
      console.log(JSON.stringify({ ok, events, head, firstBadEvent, ...(noted === undefined ? {} : { sinceHead: noted, eventsAfterHead }) }, null, 2));
    }

    if (!ok) console.error(`The audit chain is broken at event #${firstBadEvent}.`);
    if (anchor === null) console.error(`No event has the noted head ${noted}: the events up to it were deleted or rewritten (or the hash was mistyped).`);
    else if (anchor !== undefined && ok) {
      console.error(
        `The noted head is ${anchor ? `event #${anchor}` : "the start of the chain"}; ${eventsAfterHead} events follow it, each chained to the one before.`,
      );
    }
    return passed ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

runCli(main, USAGE, () => false);
