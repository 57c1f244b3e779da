// The claim pages' and the API's reads, on the read model (src/engine.ts):
// the same shapes as the services' Prisma reads (claims.query.ts), which
// stay the write side's, inside its transactions. test/reads.test.ts holds
// the two to the same answer.
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db.ts";
import { NotFound } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import { decode } from "../engine.ts";
import { reads } from "../db.ts";
import type { Assignee, ClaimDetail, ClaimSummary } from "./claims.query.ts";

const { sql, join } = Prisma;

type ClaimColumns = Omit<ClaimSummary, "entities" | "assignee">;
type EntityRow = ClaimSummary["entities"][number];
type EvidenceRow = Omit<ClaimDetail["evidence"][number], "source">;
type SourceRow = ClaimDetail["evidence"][number]["source"];

/** Claims as lists show them (their entities named), in the order of `ids`; an id no claim has is left out. */
export async function claimSummaries(db: Db, ids: number[]): Promise<ClaimSummary[]> {
  if (!ids.length) return [];
  const [claims, links, assignees] = await reads(db).snapshot((r) =>
    Promise.all([
      r.query(sql`SELECT * FROM "Claim" WHERE id IN (${join(ids)})`).then((rows) => rows.map((c) => decode<ClaimColumns>(c))),
      r.query<EntityRow & { claimId: number }>(
        sql`SELECT l."claimId", e.id, e.name, e.kind FROM "ClaimEntity" l JOIN "Entity" e ON e.id = l."entityId" WHERE l."claimId" IN (${join(ids)}) ORDER BY l."claimId", l."entityId"`,
      ),
      r.query<Assignee>(sql`SELECT id, name, email FROM "User" WHERE id IN (SELECT "assigneeId" FROM "Claim" WHERE id IN (${join(ids)}))`),
    ]),
  );
  const assignee = new Map(assignees.map((u) => [u.id, u]));
  const byId = new Map(
    claims.map((c) => [c.id, { ...c, entities: [] as EntityRow[], assignee: (c.assigneeId !== null && assignee.get(c.assigneeId)) || null }]),
  );
  for (const { claimId, ...entity } of links) byId.get(claimId)?.entities.push(entity);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const CLAIM = `SELECT * FROM "Claim" WHERE id = ?`;
const ENTITIES = `SELECT e.id, e.name, e.kind FROM "ClaimEntity" l JOIN "Entity" e ON e.id = l."entityId" WHERE l."claimId" = ? ORDER BY l."entityId"`;
const ALIASES = `SELECT a."entityId", a.alias FROM "ClaimEntity" l JOIN "EntityAlias" a ON a."entityId" = l."entityId" WHERE l."claimId" = ? ORDER BY a."entityId", a.folded`;
const EVIDENCE = `SELECT * FROM "Evidence" WHERE "claimId" = ? ORDER BY id`;
const ASSIGNEE = `SELECT id, name, email FROM "User" WHERE id = (SELECT "assigneeId" FROM "Claim" WHERE id = ?)`;
const SOURCES = `SELECT id, title, publisher, author, url, kind, reliability, "publishedAt" FROM "Source" WHERE id IN (SELECT "sourceId" FROM "Evidence" WHERE "claimId" = ?)`;

/** A claim with its entities (and their aliases) and its evidence (and their sources), as its page and the API show it. */
export async function readClaim(db: Db, id: number): Promise<ClaimDetail> {
  const read = await reads(db).snapshot(async (r) => {
    const claim = await r.get(CLAIM, id);
    if (!claim) return null;
    const [entities, aliases, evidence, sources, assignee] = await Promise.all([
      r.all<EntityRow>(ENTITIES, id),
      r.all<{ entityId: number; alias: string }>(ALIASES, id),
      r.all(EVIDENCE, id),
      r.all(SOURCES, id),
      r.get<Assignee>(ASSIGNEE, id),
    ]);
    return { claim, entities, aliases, evidence, sources, assignee: assignee ?? null };
  });
  if (!read) throw new NotFound(msg("Claim #{id}", { id: String(id) }));
  const sources = new Map(read.sources.map((s) => [s.id as number, decode<SourceRow>(s)]));
  return {
    ...decode<ClaimColumns>(read.claim),
    entities: read.entities.map((e) => ({ ...e, aliases: read.aliases.filter((a) => a.entityId === e.id).map((a) => a.alias) })),
    evidence: read.evidence.map((e) => ({ ...decode<EvidenceRow>(e), source: sources.get(e.sourceId as number)! })),
    assignee: read.assignee,
  };
}
