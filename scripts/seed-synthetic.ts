// npm run seed:synthetic -- N [--database file:./data/bench.db]
//
// Fills a database with N realistic claims (and ~N/20 sources, ~N/50
// entities) for benchmarks and load tests. The services write one claim per
// transaction, which takes minutes for 100,000; this writes the same rows,
// audit events included, straight through better-sqlite3 in batches. The
// database's own triggers (full-text index, append-only audit) still fire.

import Database from "better-sqlite3";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { diff, eventFields, newEventHash, GENESIS_HASH, type Actor, type AuditInput, type Changes } from "../src/audit/audit.service.ts";
import { EDITED_FIELDS, EXPORTED } from "../src/claims/claim.fields.ts";
import { databasePath, loadConfig } from "../src/config.ts";
import { openMigrated } from "../src/db.ts";
import { cleanAliases } from "../src/entities/entities.service.ts";
import { fold } from "../src/text.ts";
import { entities as articleEntities } from "../seed/article.ts";
import { generatedClaim, generatedEntity, generatedSource, seeded, type NamedId, type SyntheticClaim } from "./synthetic-text.ts";

/** Who the audit trail says made these records. */
export const SYNTHETIC: Actor = { id: null, label: "synthetic", role: "admin" };

const BATCH = 2000;
// events and publications spread over two years around the article's story (November 2023)
const FROM = Date.UTC(2023, 0, 1);
const TO = Date.UTC(2025, 0, 1);
const SOURCE_FIELDS = ["title", "publisher", "author", "url", "publishedAt", "kind", "reliability", "notes"] as const;

/** A date as Prisma's SQLite adapter writes it ('2023-11-20T06:00:00.000+00:00'), so text comparisons treat both alike. */
const sqlDate = (d: Date | null) => (d ? d.toISOString().replace("Z", "+00:00") : null);

/** The audit chain, extended in memory with the same hashing recordAudit uses. */
function auditChain(sqlite: Database.Database) {
  const insert = sqlite.prepare(
    `INSERT INTO "AuditEvent" ("createdAt", "actorId", "actorLabel", action, "subjectType", "subjectId", changes, reason, "sourceIds", "prevHash", hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastHash = sqlite.prepare("SELECT hash FROM AuditEvent ORDER BY id DESC LIMIT 1").pluck();
  let head = GENESIS_HASH;
  let events = 0;
  return {
    get events() {
      return events;
    },
    /** Called inside each write transaction: another process may have appended since the last one. */
    resync() {
      head = (lastHash.get() as string | undefined) ?? GENESIS_HASH;
    },
    record(at: Date, e: AuditInput) {
      const fields = eventFields(SYNTHETIC, e, at);
      const hash = newEventHash(head, fields);
      insert.run(
        sqlDate(at),
        fields.actorId,
        fields.actorLabel,
        fields.action,
        fields.subjectType,
        fields.subjectId,
        fields.changes,
        fields.reason,
        fields.sourceIds,
        head,
        hash,
      );
      head = hash;
      events++;
    },
  };
}

function writers(sqlite: Database.Database, audit: ReturnType<typeof auditChain>) {
  const sql = (s: string) => sqlite.prepare(s);
  const entityByName = sql("SELECT id FROM Entity WHERE name = ?").pluck();
  const entity = sql("INSERT INTO Entity (name, kind, description, version, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?)");
  const alias = sql("INSERT INTO EntityAlias (entityId, alias, folded) VALUES (?, ?, ?)");
  const source = sql(
    `INSERT INTO "Source" (title, publisher, author, url, "publishedAt", kind, reliability, notes, version, "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  // the claim's columns as an export writes them, then its bookkeeping: names from the descriptor, never input; values bound
  const names = ["id", ...EXPORTED.map((f) => f.name), "version", "createdAt", "updatedAt"];
  const claim = sql(`INSERT INTO "Claim" (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`);
  const lastClaimId = sql("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'Claim'), 0), COALESCE((SELECT MAX(id) FROM Claim), 0))").pluck();
  const claimEntity = sql("INSERT INTO ClaimEntity (claimId, entityId) VALUES (?, ?)");
  const evidence = sql("INSERT INTO Evidence (claimId, sourceId, stance, quote, createdAt) VALUES (?, ?, ?, ?, ?)");

  return {
    /** The entity's id: one already there under that name (the seed's "Sam Altman") is reused, not doubled. */
    entity(e: { name: string; kind: string; description: string; aliases: string[] }): { id: number; created: boolean; aliases: string[] } {
      const kept = cleanAliases(e.name, e.aliases);
      const existing = entityByName.get(e.name) as number | undefined;
      if (existing !== undefined) return { id: existing, created: false, aliases: kept };
      const at = new Date();
      const id = Number(entity.run(e.name, e.kind, e.description, sqlDate(at), sqlDate(at)).lastInsertRowid);
      for (const a of kept) alias.run(id, a, fold(a));
      const changes = diff({} as typeof e, e, ["name", "kind", "description"]);
      if (kept.length) changes.aliases = [[], [...kept].sort()];
      audit.record(at, { action: "entity.create", subjectType: "entity", subjectId: id, changes });
      return { id, created: true, aliases: kept };
    },
    source(s: ReturnType<typeof generatedSource>): number {
      const at = new Date();
      const id = Number(
        source.run(s.title, s.publisher, s.author, s.url, sqlDate(s.publishedAt), s.kind, s.reliability, s.notes, sqlDate(at), sqlDate(at)).lastInsertRowid,
      );
      const changes = diff(
        {} as typeof s,
        s,
        SOURCE_FIELDS.filter((f) => s[f] !== "" && s[f] !== null),
      );
      audit.record(at, { action: "source.create", subjectType: "source", subjectId: id, changes });
      return id;
    },
    /** The id the next claim gets; call inside the batch's transaction, which holds the write lock. */
    nextClaimId: () => (lastClaimId.get() as number) + 1,
    /** The claim with its links, and the events the services would write: created, each evidence added, resolved when settled. */
    claim(id: number, c: SyntheticClaim) {
      const at = new Date();
      const resolved = c.resolutionNote !== "";
      const first = resolved ? c.opened : { status: c.status, confidence: c.confidence };
      const version = 1 + c.evidence.length + (resolved ? 1 : 0);
      // Evidence before its claim (foreign keys are checked at commit): the
      // full-text triggers then index the claim once, with its quotes and
      // source titles, instead of re-indexing it after every evidence row.
      const evidenceIds = c.evidence.map((ev) => Number(evidence.run(id, ev.sourceId, ev.stance, ev.quote, sqlDate(at)).lastInsertRowid));
      const row: Record<string, unknown> = { ...c, resolvedAt: resolved ? at : null };
      const values = EXPORTED.map((f) => (f.kind === "instant" ? sqlDate(row[f.name] as Date | null) : row[f.name]));
      claim.run(id, ...values, version, sqlDate(at), sqlDate(at));
      for (const e of c.entityIds) claimEntity.run(id, e);
      const changes: Changes = diff({} as SyntheticClaim, { ...c, ...first }, EDITED_FIELDS);
      changes.entityIds = [[], [...c.entityIds].sort((a, b) => a - b)];
      audit.record(at, { action: "claim.create", subjectType: "claim", subjectId: id, changes });
      c.evidence.forEach((ev, i) => {
        const added = { evidence: [null, { id: evidenceIds[i], ...ev }] } satisfies Changes;
        audit.record(at, { action: "evidence.add", subjectType: "claim", subjectId: id, changes: added, sourceIds: [ev.sourceId] });
      });
      if (resolved) {
        const before = { ...first, resolutionNote: "", resolvedAt: null as Date | null };
        const after = { status: c.status, confidence: c.confidence, resolutionNote: c.resolutionNote, resolvedAt: at };
        const cited = [...new Set(c.evidence.filter((e) => e.stance !== "mentions").map((e) => e.sourceId))];
        const settled = diff(before, after, ["status", "resolutionNote", "resolvedAt", "confidence"]);
        audit.record(at, { action: "claim.resolve", subjectType: "claim", subjectId: id, changes: settled, reason: c.resolutionNote, sourceIds: cited });
      }
    },
  };
}

export interface SyntheticCounts {
  claims: number;
  sources: number;
  entities: number;
  evidence: number;
  auditEvents: number;
  seconds: number;
}

/** Adds n synthetic claims (with their sources and entities) to the SQLite file, migrating it first. */
export async function seedSynthetic(file: string, n: number, onProgress?: (done: number) => void): Promise<SyntheticCounts> {
  const start = process.hrtime.bigint();
  const filePath = file.replace(/^file:/, "");
  await (await openMigrated(`file:${filePath}`)).$disconnect();
  const sqlite = new Database(filePath, { timeout: 5000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    // the audit hash index takes random keys: a small page cache would thrash on a large ledger
    sqlite.pragma("cache_size = -262144");
    const audit = auditChain(sqlite);
    const write = writers(sqlite, audit);
    // immediate: the chain's head and the next ids are read under the write lock, so no other writer can fork them
    const batch = (work: () => void) =>
      sqlite
        .transaction(() => {
          sqlite.pragma("defer_foreign_keys = ON"); // until this commit: evidence goes in before its claim
          audit.resync();
          work();
        })
        .immediate();
    const r = seeded(n);

    const people: NamedId[] = [];
    const orgs: NamedId[] = [];
    let entities = 0;
    batch(() => {
      const generated = Math.max(0, Math.round(n / 50) - articleEntities.length);
      for (const e of [...articleEntities, ...Array.from({ length: generated }, (_, k) => generatedEntity(k, r))]) {
        const { id, created, aliases } = write.entity(e);
        if (created) entities++;
        (e.kind === "person" ? people : orgs).push({ id, name: e.name, aliases });
      }
    });
    const sourceIds: number[] = [];
    batch(() => {
      for (let i = 0; i < Math.max(7, Math.round(n / 20)); i++) sourceIds.push(write.source(generatedSource(i, r, people, orgs, FROM, TO)));
    });

    let evidence = 0;
    for (let done = 0; done < n;) {
      const size = Math.min(BATCH, n - done);
      batch(() => {
        const first = write.nextClaimId();
        for (let i = 0; i < size; i++) {
          const c = generatedClaim(r, people, orgs, sourceIds, FROM, TO);
          write.claim(first + i, c);
          evidence += c.evidence.length;
        }
      });
      done += size;
      onProgress?.(done);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { claims: n, sources: sourceIds.length, entities, evidence, auditEvents: audit.events, seconds };
  } finally {
    sqlite.close();
  }
}

const fmt = (x: number) => x.toLocaleString("en-US");

async function main() {
  const { values, positionals } = parseArgs({ options: { database: { type: "string" } }, allowPositionals: true });
  const n = Number((positionals[0] ?? "").replace(/[_,]/g, ""));
  const url = values.database ?? loadConfig().databaseUrl;
  if (!Number.isSafeInteger(n) || n < 1 || !url.startsWith("file:")) {
    console.error("usage: npm run seed:synthetic -- N [--database file:./data/bench.db]   (N a whole number ≥ 1)");
    process.exit(2);
  }
  const t0 = Date.now();
  const c = await seedSynthetic(url, n, (done) => {
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    process.stderr.write(`\r${fmt(done)} / ${fmt(n)} claims (${Math.floor((done / n) * 100)}%) ${secs} s`);
  });
  process.stderr.write("\n");
  console.log(
    `${databasePath(url)}: added ${fmt(c.claims)} claims (${fmt(c.evidence)} evidence links), ${fmt(c.sources)} sources, ` +
      `${fmt(c.entities)} entities and ${fmt(c.auditEvents)} audit events in ${c.seconds.toFixed(1)} s ` +
      `(${fmt(Math.round(c.claims / c.seconds))} claims/s).`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
