// npm run seed:synthetic -- N [--database file:./data/bench.db | postgresql://…]
//
// Fills a database with N realistic claims (and ~N/20 sources, ~N/50
// entities) for benchmarks and load tests. The services write one claim per
// transaction, which takes minutes for 100,000; this writes the same rows,
// audit events included, in batches of plain rows, each engine its own way
// (scripts/synthetic-sqlite.ts, scripts/synthetic-postgres.ts). The
// database's own triggers (full-text index, status counts, derived tables,
// append-only audit) still fire.

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { diff, eventFields, newEventHash, type Actor, type AuditInput, type Changes } from "../src/audit/audit.service.ts";
import { EDITED_FIELDS, EXPORTED } from "../src/claims/claim.fields.ts";
import { databasePath, loadConfig } from "../src/config.ts";
import { engineName, openMigrated } from "../src/db.ts";
import { cleanAliases } from "../src/entities/entities.service.ts";
import { fold } from "../src/text.ts";
import { entities as articleEntities } from "../seed/article.ts";
import { postgresWriter } from "./synthetic-postgres.ts";
import { sqliteWriter } from "./synthetic-sqlite.ts";
import { generatedClaim, generatedEntity, generatedSource, seeded, type NamedId } from "./synthetic-text.ts";

/** Who the audit trail says made these records. */
export const SYNTHETIC: Actor = { id: null, label: "synthetic", role: "admin" };

const BATCH = 2000;
// events and publications spread over two years around the article's story (November 2023)
const FROM = Date.UTC(2023, 0, 1);
const TO = Date.UTC(2025, 0, 1);
const SOURCE_FIELDS = ["title", "publisher", "author", "url", "publishedAt", "kind", "reliability", "notes"] as const;

export type Row = Record<string, unknown>;
/** The tables the seeder writes; a batch's rows of each, by table, columns by their names (Dates as Dates). */
export type Table = "Entity" | "EntityAlias" | "Source" | "Claim" | "Evidence" | "ClaimEntity" | "AuditEvent";
export type Rows = Partial<Record<Table, Row[]>>;

/** One engine's part, inside one write transaction that holds the database's write lock. */
export interface WriteTx {
  /** the chain's head: another process may have appended since the last batch */
  head(): Promise<string>;
  /** n new ids of a table, ascending */
  ids(table: Table, n: number): Promise<number[]>;
  /** the ids of the entities already there under these names */
  entityIds(names: string[]): Promise<Map<string, number>>;
  /** the batch's rows, in an order the engine's foreign keys and triggers take */
  write(rows: Rows): Promise<void>;
}

export interface SyntheticWriter {
  /** runs work in one write transaction, holding the app's write lock, and writes what it returns */
  batch(work: (tx: WriteTx) => Promise<Rows>): Promise<void>;
  close(): Promise<void>;
}

/** A batch's audit events: the chain extended in memory with the hashing recordAudit uses. */
function chain(head: string) {
  const pending: { at: Date; fields: ReturnType<typeof eventFields>; prevHash: string; hash: string }[] = [];
  return {
    record(at: Date, e: AuditInput) {
      const fields = eventFields(SYNTHETIC, e, at);
      const hash = newEventHash(head, fields);
      pending.push({ at, fields, prevHash: head, hash });
      head = hash;
    },
    async rows(tx: WriteTx): Promise<Row[]> {
      const ids = await tx.ids("AuditEvent", pending.length);
      return pending.map((e, i) => ({ id: ids[i], ...e.fields, createdAt: e.at, prevHash: e.prevHash, hash: e.hash }));
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

/** Adds n synthetic claims (with their sources and entities) to the database at url (a SQLite file or file: URL, or a postgresql:// URL), migrating it first. */
export async function seedSynthetic(url: string, n: number, onProgress?: (done: number) => void): Promise<SyntheticCounts> {
  const start = process.hrtime.bigint();
  const postgres = engineName(url) === "postgresql";
  const databaseUrl = postgres || url.startsWith("file:") ? url : `file:${url}`;
  await (await openMigrated(databaseUrl)).$disconnect();
  const writer = postgres ? await postgresWriter(databaseUrl) : sqliteWriter(databaseUrl.slice("file:".length));
  let auditEvents = 0;
  /** a batch: its records and their audit events, written together */
  const batch = (work: (tx: WriteTx, audit: ReturnType<typeof chain>) => Promise<Rows>) =>
    writer.batch(async (tx) => {
      const audit = chain(await tx.head());
      const rows = await work(tx, audit);
      rows.AuditEvent = await audit.rows(tx);
      auditEvents += rows.AuditEvent.length;
      return rows;
    });
  try {
    const r = seeded(n);
    const people: NamedId[] = [];
    const orgs: NamedId[] = [];
    let entities = 0;
    await batch(async (tx, audit) => {
      const generated = Math.max(0, Math.round(n / 50) - articleEntities.length);
      const all = [...articleEntities, ...Array.from({ length: generated }, (_, k) => generatedEntity(k, r))];
      // one already there under that name (the seed's "Sam Altman") is reused, not doubled
      const known = await tx.entityIds(all.map((e) => e.name));
      const fresh = all.filter((e, i) => !known.has(e.name) && all.findIndex((x) => x.name === e.name) === i);
      const ids = await tx.ids("Entity", fresh.length);
      const rows: Rows = { Entity: [], EntityAlias: [] };
      const at = new Date();
      fresh.forEach((e, i) => {
        const id = ids[i]!;
        known.set(e.name, id);
        const kept = cleanAliases(e.name, e.aliases);
        rows.Entity!.push({ id, name: e.name, kind: e.kind, description: e.description, version: 1, createdAt: at, updatedAt: at });
        for (const a of kept) rows.EntityAlias!.push({ entityId: id, alias: a, folded: fold(a) });
        const changes = diff({} as typeof e, e, ["name", "kind", "description"]);
        if (kept.length) changes.aliases = [[], [...kept].sort()];
        audit.record(at, { action: "entity.create", subjectType: "entity", subjectId: id, changes });
      });
      entities = fresh.length;
      for (const e of all) (e.kind === "person" ? people : orgs).push({ id: known.get(e.name)!, name: e.name, aliases: cleanAliases(e.name, e.aliases) });
      return rows;
    });

    const sourceIds: number[] = [];
    await batch(async (tx, audit) => {
      const sources = Array.from({ length: Math.max(7, Math.round(n / 20)) }, (_, i) => generatedSource(i, r, people, orgs, FROM, TO));
      sourceIds.push(...(await tx.ids("Source", sources.length)));
      const at = new Date();
      const Source = sources.map((s, i) => {
        const changes = diff(
          {} as typeof s,
          s,
          SOURCE_FIELDS.filter((f) => s[f] !== "" && s[f] !== null),
        );
        audit.record(at, { action: "source.create", subjectType: "source", subjectId: sourceIds[i]!, changes });
        return { id: sourceIds[i], ...s, version: 1, createdAt: at, updatedAt: at };
      });
      return { Source };
    });

    let evidence = 0;
    for (let done = 0; done < n;) {
      const size = Math.min(BATCH, n - done);
      await batch(async (tx, audit) => {
        const claims = Array.from({ length: size }, () => generatedClaim(r, people, orgs, sourceIds, FROM, TO));
        const ids = await tx.ids("Claim", size);
        const evidenceIds = await tx.ids(
          "Evidence",
          claims.reduce((k, c) => k + c.evidence.length, 0),
        );
        evidence += evidenceIds.length;
        const rows = { Claim: [] as Row[], Evidence: [] as Row[], ClaimEntity: [] as Row[] };
        const at = new Date();
        claims.forEach((c, k) => {
          const id = ids[k]!;
          const resolved = c.resolutionNote !== "";
          const first = resolved ? c.opened : { status: c.status, confidence: c.confidence };
          const full: Row = { ...c, resolvedAt: resolved ? at : null };
          const claim: Row = { id, version: 1 + c.evidence.length + (resolved ? 1 : 0), createdAt: at, updatedAt: at };
          for (const f of EXPORTED) claim[f.name] = full[f.name];
          rows.Claim.push(claim);
          for (const e of c.entityIds) rows.ClaimEntity.push({ claimId: id, entityId: e });
          const changes: Changes = diff({} as typeof c, { ...c, ...first }, EDITED_FIELDS);
          changes.entityIds = [[], [...c.entityIds].sort((a, b) => a - b)];
          audit.record(at, { action: "claim.create", subjectType: "claim", subjectId: id, changes });
          for (const ev of c.evidence) {
            const evidenceId = evidenceIds.shift()!;
            rows.Evidence.push({ id: evidenceId, claimId: id, ...ev, createdAt: at });
            const added = { evidence: [null, { id: evidenceId, ...ev }] } satisfies Changes;
            audit.record(at, { action: "evidence.add", subjectType: "claim", subjectId: id, changes: added, sourceIds: [ev.sourceId] });
          }
          if (resolved) {
            const before = { ...first, resolutionNote: "", resolvedAt: null as Date | null };
            const after = { status: c.status, confidence: c.confidence, resolutionNote: c.resolutionNote, resolvedAt: at };
            const cited = [...new Set(c.evidence.filter((e) => e.stance !== "mentions").map((e) => e.sourceId))];
            const settled = diff(before, after, ["status", "resolutionNote", "resolvedAt", "confidence"]);
            audit.record(at, { action: "claim.resolve", subjectType: "claim", subjectId: id, changes: settled, reason: c.resolutionNote, sourceIds: cited });
          }
        });
        return rows;
      });
      done += size;
      onProgress?.(done);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { claims: n, sources: sourceIds.length, entities, evidence, auditEvents, seconds };
  } finally {
    await writer.close();
  }
}

const fmt = (x: number) => x.toLocaleString("en-US");

async function main() {
  const { values, positionals } = parseArgs({ options: { database: { type: "string" } }, allowPositionals: true });
  const n = Number((positionals[0] ?? "").replace(/[_,]/g, ""));
  const url = values.database ?? loadConfig().databaseUrl;
  if (!Number.isSafeInteger(n) || n < 1 || !(url.startsWith("file:") || engineName(url) === "postgresql")) {
    console.error("usage: npm run seed:synthetic -- N [--database file:./data/bench.db | postgresql://…]   (N a whole number ≥ 1)");
    process.exit(2);
  }
  const t0 = Date.now();
  const c = await seedSynthetic(url, n, (done) => {
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    process.stderr.write(`\r${fmt(done)} / ${fmt(n)} claims (${Math.floor((done / n) * 100)}%) ${secs} s`);
  });
  process.stderr.write("\n");
  const where = engineName(url) === "postgresql" ? url.replace(/\/\/[^@/]*@/, "//") : databasePath(url);
  console.log(
    `${where}: added ${fmt(c.claims)} claims (${fmt(c.evidence)} evidence links), ${fmt(c.sources)} sources, ` +
      `${fmt(c.entities)} entities and ${fmt(c.auditEvents)} audit events in ${c.seconds.toFixed(1)} s ` +
      `(${fmt(Math.round(c.claims / c.seconds))} claims/s).`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
