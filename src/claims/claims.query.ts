import type { Db, DbOrTx } from "../db.ts";
import { NotFound } from "../errors.ts";
import { decodeCursor, page } from "../pagination.ts";
import { fold } from "../text.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { STATUSES, type Status } from "./status.ts";
import type { ListQuery } from "./claims.schema.ts";

const entitySummary = { select: { entity: { select: { id: true, name: true, kind: true } } } } as const;

type ClaimRow = Prisma.ClaimGetPayload<{ include: { entities: typeof entitySummary } }>;

/** A claim as the API and the pages see it: entities flattened. */
export function claimJson(c: ClaimRow) {
  const { entities, ...rest } = c;
  return { ...rest, entities: entities.map((e) => e.entity) };
}
export type ClaimSummary = ReturnType<typeof claimJson>;

/** Entity ids whose name or any alias contains the folded search. */
async function entitiesNamed(db: Db, q: string): Promise<{ ids: number[]; names: string[] }> {
  const folded = fold(q);
  const aliases = await db.entityAlias.findMany({ where: { folded: { contains: folded } }, select: { entityId: true } });
  const byName = await db.entity.findMany({ where: { name: { contains: q } }, select: { id: true } });
  const ids = [...new Set([...aliases.map((a) => a.entityId), ...byName.map((e) => e.id)])];
  if (!ids.length) return { ids, names: [] };
  const named = await db.entity.findMany({ where: { id: { in: ids } }, include: { aliases: true } });
  return { ids, names: named.flatMap((e) => [e.name, ...e.aliases.map((a) => a.alias)]) };
}

/** The filters other than status and paging, as a Prisma where. */
async function baseWhere(db: Db, f: ListQuery): Promise<Prisma.ClaimWhereInput> {
  const and: Prisma.ClaimWhereInput[] = [];
  if (f.entity) and.push({ entities: { some: { entityId: f.entity } } });
  if (f.source) and.push({ evidence: { some: { sourceId: f.source } } });
  if (f.q) {
    // Alias-aware: a name the article garbled ("Ultraman") finds the entity's
    // claims and the text that uses any of its other names.
    const { ids, names } = await entitiesNamed(db, f.q);
    const terms = [f.q, ...names];
    and.push({
      OR: [
        ...terms.flatMap((t) => [{ statement: { contains: t } }, { context: { contains: t } }]),
        ...(ids.length ? [{ entities: { some: { entityId: { in: ids } } } }] : []),
      ],
    });
  }
  return { AND: and };
}

export async function listClaims(db: Db, f: ListQuery) {
  const where: Prisma.ClaimWhereInput = { AND: [await baseWhere(db, f), f.status ? { status: f.status } : {}] };
  const after = f.cursor ? { id: { lt: decodeCursor(f.cursor) } } : {};
  const rows = await db.claim.findMany({
    where: { AND: [where, after] },
    include: { entities: entitySummary },
    orderBy: { id: "desc" },
    take: f.limit + 1,
  });
  const { items, nextCursor } = page(rows, f.limit);
  return { items: items.map(claimJson), nextCursor };
}

/** How many claims of each status match the other filters (for the index's status tabs). */
export async function statusCounts(db: Db, f: ListQuery): Promise<Record<Status, number>> {
  const groups = await db.claim.groupBy({ by: ["status"], where: await baseWhere(db, f), _count: { _all: true } });
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const g of groups) counts[g.status as Status] = g._count._all;
  return counts;
}

export async function getClaim(db: DbOrTx, id: number) {
  const claim = await db.claim.findUnique({
    where: { id },
    include: {
      entities: { select: { entity: { select: { id: true, name: true, kind: true, aliases: { select: { alias: true } } } } } },
      evidence: {
        orderBy: { id: "asc" },
        include: { source: { select: { id: true, title: true, publisher: true, url: true, kind: true, reliability: true, publishedAt: true } } },
      },
    },
  });
  if (!claim) throw new NotFound(`Claim #${id}`);
  const { entities, ...rest } = claim;
  return { ...rest, entities: entities.map(({ entity: { aliases, ...e } }) => ({ ...e, aliases: aliases.map((a) => a.alias) })) };
}
export type ClaimDetail = Awaited<ReturnType<typeof getClaim>>;

/** Choices for the claim forms' entity and source pickers. */
export const entityOptions = (db: Db) => db.entity.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
export const sourceOptions = (db: Db) =>
  db.source.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true, publisher: true } });
