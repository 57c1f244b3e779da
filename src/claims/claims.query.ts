import type { Db, DbOrTx } from "../db.ts";
import { NotFound } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { entitiesFoundBy } from "./search.ts";

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
  if (!claim) throw new NotFound(msg("Claim #{id}", { id: String(id) }));
  const { entities, ...rest } = claim;
  return { ...rest, entities: entities.map(({ entity: { aliases, ...e } }) => ({ ...e, aliases: aliases.map((a) => a.alias) })) };
}
export type ClaimDetail = Awaited<ReturnType<typeof getClaim>>;

/** How many choices a picker lists: all of them in a story's ledger, the most recent in a large one. */
export const PICKER_LIMIT = 200;

const byName = <T extends { name?: string; title?: string }>(rows: T[]) =>
  rows.sort((a, b) => (a.name ?? a.title ?? "").localeCompare(b.name ?? b.title ?? ""));

/**
 * Choices for the claim forms' entity picker: those picked, then the ones
 * whose names or aliases hold the words of `find`, else the most recent.
 */
export async function entityOptions(db: Db, picked: number[], find = "") {
  const select = { id: true, name: true, kind: true } as const;
  const chosen = picked.length ? await db.entity.findMany({ where: { id: { in: picked } }, select }) : [];
  const found = find ? { id: { in: await entitiesFoundBy(db, find, PICKER_LIMIT) } } : {};
  const others = await db.entity.findMany({
    where: { AND: [found, { id: { notIn: chosen.map((e) => e.id) } }] },
    orderBy: { id: "desc" },
    take: PICKER_LIMIT,
    select,
  });
  return byName([...chosen, ...others]);
}

/**
 * Choices for citing sources: those the claim's evidence cites and those
 * picked, then the ones whose title or publisher holds `find` (SQLite's
 * LIKE: case-insensitive for ASCII), else the most recent.
 */
export async function sourceOptions(db: Db, claimId: number | undefined, picked: number[] = [], find = "") {
  const select = { id: true, title: true, publisher: true } as const;
  const cited = claimId ? (await db.evidence.findMany({ where: { claimId }, select: { source: { select } } })).map((e) => e.source) : [];
  const chosen = picked.length ? await db.source.findMany({ where: { id: { in: picked } }, select }) : [];
  const linked = [...new Map([...cited, ...chosen].map((s) => [s.id, s])).values()];
  const found = find ? { OR: [{ title: { contains: find } }, { publisher: { contains: find } }] } : {};
  const others = await db.source.findMany({
    where: { AND: [found, { id: { notIn: linked.map((s) => s.id) } }] },
    orderBy: { id: "desc" },
    take: PICKER_LIMIT,
    select,
  });
  return byName([...linked, ...others]);
}

/** The names a list's entity and source filters show, looked up one each. */
export async function filterNames(db: Db, entityId: number | undefined, sourceId: number | undefined) {
  const entity = entityId ? await db.entity.findUnique({ where: { id: entityId }, select: { name: true } }) : null;
  const source = sourceId ? await db.source.findUnique({ where: { id: sourceId }, select: { title: true } }) : null;
  return { entityName: entity?.name ?? null, sourceTitle: source?.title ?? null };
}
