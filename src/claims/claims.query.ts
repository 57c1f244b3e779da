import type { Db, DbOrTx } from "../db.ts";
import { NotFound } from "../errors.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export const entitySummary = { select: { entity: { select: { id: true, name: true, kind: true } } } } as const;

type ClaimRow = Prisma.ClaimGetPayload<{ include: { entities: typeof entitySummary } }>;

/** A claim as the API and the pages see it: entities flattened. */
export function claimJson(c: ClaimRow) {
  const { entities, ...rest } = c;
  return { ...rest, entities: entities.map((e) => e.entity) };
}
export type ClaimSummary = ReturnType<typeof claimJson>;

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

/** How many choices a picker lists: all of them in a story's ledger, the most recent in a large one. */
export const PICKER_LIMIT = 200;

const byName = <T extends { name?: string; title?: string }>(rows: T[]) =>
  rows.sort((a, b) => (a.name ?? a.title ?? "").localeCompare(b.name ?? b.title ?? ""));

/** Choices for the claim forms' entity picker: those the claim names, then the most recent. */
export async function entityOptions(db: Db, claimId?: number) {
  const select = { id: true, name: true, kind: true } as const;
  // from the claim's own links (a where on the entity side would scan every entity)
  const linked = claimId ? (await db.claimEntity.findMany({ where: { claimId }, select: { entity: { select } } })).map((l) => l.entity) : [];
  const recent = await db.entity.findMany({ where: { id: { notIn: linked.map((e) => e.id) } }, orderBy: { id: "desc" }, take: PICKER_LIMIT, select });
  return byName([...linked, ...recent]);
}

/** Choices for citing sources: those the claim's evidence cites, then the most recent. */
export async function sourceOptions(db: Db, claimId?: number) {
  const select = { id: true, title: true, publisher: true } as const;
  const cited = claimId ? (await db.evidence.findMany({ where: { claimId }, select: { source: { select } } })).map((e) => e.source) : [];
  const linked = [...new Map(cited.map((s) => [s.id, s])).values()];
  const recent = await db.source.findMany({ where: { id: { notIn: linked.map((s) => s.id) } }, orderBy: { id: "desc" }, take: PICKER_LIMIT, select });
  return byName([...linked, ...recent]);
}

/** The names a list's entity and source filters show, looked up one each. */
export async function filterNames(db: Db, entityId: number | undefined, sourceId: number | undefined) {
  const entity = entityId ? await db.entity.findUnique({ where: { id: entityId }, select: { name: true } }) : null;
  const source = sourceId ? await db.source.findUnique({ where: { id: sourceId }, select: { title: true } }) : null;
  return { entityName: entity?.name ?? null, sourceTitle: source?.title ?? null };
}
