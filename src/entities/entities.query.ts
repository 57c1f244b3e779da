import type { Db, DbOrTx } from "../db.ts";
import { NotFound } from "../errors.ts";
import { fold } from "../text.ts";
import type { EntityQuery } from "./entities.schema.ts";

const byName = new Intl.Collator("en", { sensitivity: "base" }).compare;

/**
 * People and organisations, by name, with their aliases and claim counts.
 * The folding and matching happen here rather than in SQL: SQLite's LIKE
 * folds ASCII case only, so "pekin" would miss "Pékin", and the list is
 * one newsroom story's cast (unpaged), small enough to filter in memory.
 */
export async function listEntities(db: Db, f: EntityQuery) {
  const rows = await db.entity.findMany({
    where: f.kind ? { kind: f.kind } : {},
    include: { aliases: { orderBy: { id: "asc" } }, _count: { select: { claims: true } } },
  });
  const q = f.q ? fold(f.q) : "";
  const items = rows
    .filter((e) => !q || fold(e.name).includes(q) || e.aliases.some((a) => a.folded.includes(q)))
    .sort((a, b) => byName(a.name, b.name) || a.id - b.id)
    .map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      description: e.description,
      aliases: e.aliases.map((a) => a.alias),
      claimCount: e._count.claims,
    }));
  return { items };
}
export type EntitySummary = Awaited<ReturnType<typeof listEntities>>["items"][number];

/** One entity with its aliases and the claims about it, newest first. */
export async function getEntity(db: DbOrTx, id: number) {
  const entity = await db.entity.findUnique({
    where: { id },
    include: {
      aliases: { orderBy: { id: "asc" }, select: { alias: true } },
      claims: {
        orderBy: { claimId: "desc" },
        select: { claim: { select: { id: true, statement: true, status: true, confidence: true } } },
      },
    },
  });
  if (!entity) throw new NotFound(`Entity #${id}`);
  return { ...entity, aliases: entity.aliases.map((a) => a.alias), claims: entity.claims.map((c) => c.claim) };
}
export type EntityDetail = Awaited<ReturnType<typeof getEntity>>;
