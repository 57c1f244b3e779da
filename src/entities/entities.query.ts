import type { Db, DbOrTx } from "../db.ts";
import { CLAIMS_SHOWN } from "../pagination.ts";
import { msg } from "../i18n/i18n.ts";
import { NotFound } from "../errors.ts";
import { fold, nameKey } from "../text.ts";
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

/**
 * One entity with its aliases and the claims about it, newest first, or null.
 * `aliases` are the spellings; `aliasEntries` add the ids that removing one takes.
 */
export async function findEntity(db: DbOrTx, id: number) {
  const entity = await db.entity.findUnique({ where: { id }, include: { aliases: { orderBy: { id: "asc" }, select: { id: true, alias: true } } } });
  if (!entity) return null;
  // the most recent claims, a LIMIT of their own (a nested take is applied after reading every link): a person in a
  // year of stories is in thousands, which the claims list pages through
  const [claims, claimCount] = await Promise.all([
    db.claimEntity.findMany({
      where: { entityId: id },
      orderBy: { claimId: "desc" },
      take: CLAIMS_SHOWN,
      select: { claim: { select: { id: true, statement: true, status: true, confidence: true } } },
    }),
    db.claimEntity.count({ where: { entityId: id } }),
  ]);
  return { ...entity, aliases: entity.aliases.map((a) => a.alias), aliasEntries: entity.aliases, claims: claims.map((c) => c.claim), claimCount };
}

export async function getEntity(db: DbOrTx, id: number) {
  const entity = await findEntity(db, id);
  if (!entity) throw new NotFound(msg("Entity #{id}", { id: String(id) }));
  return entity;
}
export type EntityDetail = Awaited<ReturnType<typeof getEntity>>;

/**
 * The first other entity that one of `names` already names, by its name or
 * an alias, with the spelling that matched; or null. Compared by nameKey
 * (case, accents, spacing and punctuation aside), in memory as in
 * listEntities: the stored folded forms keep spaces and punctuation.
 */
export async function entityNamed(db: DbOrTx, names: string[], exceptId: number | null) {
  const keys = new Set(names.map(nameKey).filter(Boolean));
  if (!keys.size) return null;
  const others = await db.entity.findMany({
    where: exceptId ? { id: { not: exceptId } } : {},
    orderBy: { id: "asc" },
    select: { id: true, name: true, aliases: { orderBy: { id: "asc" }, select: { alias: true } } },
  });
  for (const e of others) {
    const matched = [e.name, ...e.aliases.map((a) => a.alias)].find((n) => keys.has(nameKey(n)));
    if (matched) return { id: e.id, name: e.name, matched };
  }
  return null;
}

/** What the merge form offers: the other entities of the same kind, by name, with enough to tell namesakes apart. */
export async function mergeCandidates(db: Db, entity: { id: number; kind: string }) {
  const rows = await db.entity.findMany({
    where: { kind: entity.kind, id: { not: entity.id } },
    select: { id: true, name: true, _count: { select: { claims: true } } },
  });
  return rows.sort((a, b) => byName(a.name, b.name) || a.id - b.id).map((e) => ({ id: e.id, name: e.name, claimCount: e._count.claims }));
}

/**
 * Where a merged entity's page now lives: the entity that absorbed it,
 * following later merges (A into B, then B into C, leads to C), and the name
 * it had (EntityMerge, kept from the merge events). Throws NotFound when no merge removed it.
 */
export async function mergedInto(db: Db, id: number): Promise<{ formerName: string; survivor: { id: number; name: string } }> {
  const first = await db.entityMerge.findUnique({ where: { mergedId: id } });
  const seen = new Set([id]);
  for (let merge = first; merge && !seen.has(merge.intoId);) {
    seen.add(merge.intoId);
    const survivor = await db.entity.findUnique({ where: { id: merge.intoId }, select: { id: true, name: true } });
    if (survivor) return { formerName: first!.name, survivor };
    merge = await db.entityMerge.findUnique({ where: { mergedId: merge.intoId } });
  }
  throw new NotFound(msg("Entity #{id}", { id: String(id) }));
}
