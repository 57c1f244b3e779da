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

/** Choices for the claim forms' entity and source pickers. */
export const entityOptions = (db: Db) => db.entity.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
export const sourceOptions = (db: Db) =>
  db.source.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true, publisher: true } });
