import { containing, isClient, type Db, type DbOrTx } from "../db.ts";
import { readClaim } from "./claims.reads.ts";
import { reads } from "../db.ts";
import { NotFound } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { entitiesFoundBy } from "./search.ts";

const DETAIL = {
  entities: {
    orderBy: { entityId: "asc" },
    select: { entity: { select: { id: true, name: true, kind: true, aliases: { orderBy: { folded: "asc" }, select: { alias: true } } } } },
  },
  evidence: {
    orderBy: { id: "asc" },
    include: { source: { select: { id: true, title: true, publisher: true, author: true, url: true, kind: true, reliability: true, publishedAt: true } } },
  },
} as const satisfies Prisma.ClaimInclude;

type DetailRow = Prisma.ClaimGetPayload<{ include: typeof DETAIL }>;
/** The editor a claim is assigned to, as its JSON and pages name them. */
export interface Assignee {
  id: number;
  name: string;
  email: string;
}
type Detail = Omit<DetailRow, "entities"> & { entities: { id: number; name: string; kind: string; aliases: string[] }[]; assignee: Assignee | null };

/** A claim with its entities and evidence: from the read model, or inside a transaction through Prisma (its own writes seen). */
export async function getClaim(db: DbOrTx, id: number): Promise<Detail> {
  if (isClient(db)) return readClaim(db, id);
  const claim = await db.claim.findUnique({ where: { id }, include: DETAIL });
  if (!claim) throw new NotFound(msg("Claim #{id}", { id: String(id) }));
  const { entities, ...rest } = claim;
  const assignee =
    claim.assigneeId === null ? null : await db.user.findUnique({ where: { id: claim.assigneeId }, select: { id: true, name: true, email: true } });
  return { ...rest, entities: entities.map(({ entity: { aliases, ...e } }) => ({ ...e, aliases: aliases.map((a) => a.alias) })), assignee };
}
export type ClaimDetail = Detail;
/** A claim as lists show it: its entities named. */
export type ClaimSummary = Omit<Detail, "evidence" | "entities"> & { entities: Omit<Detail["entities"][number], "aliases">[] };

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
 * picked, then the ones whose title or publisher holds `find` (ignoring
 * case), else the most recent.
 */
export async function sourceOptions(db: Db, claimId: number | undefined, picked: number[] = [], find = "") {
  const select = { id: true, title: true, publisher: true } as const;
  const cited = claimId ? (await db.evidence.findMany({ where: { claimId }, select: { source: { select } } })).map((e) => e.source) : [];
  const chosen = picked.length ? await db.source.findMany({ where: { id: { in: picked } }, select }) : [];
  const linked = [...new Map([...cited, ...chosen].map((s) => [s.id, s])).values()];
  const found = find ? { OR: [{ title: containing(db, find) }, { publisher: containing(db, find) }] } : {};
  const others = await db.source.findMany({
    where: { AND: [found, { id: { notIn: linked.map((s) => s.id) } }] },
    orderBy: { id: "desc" },
    take: PICKER_LIMIT,
    select,
  });
  return byName([...linked, ...others]);
}

const ENTITY_NAME = `SELECT name FROM "Entity" WHERE id = ?`;
const SOURCE_TITLE = `SELECT title FROM "Source" WHERE id = ?`;
const STORY_TITLE = `SELECT title FROM "Story" WHERE id = ?`;

/** The names a list's entity, source and story filters show, looked up one each. */
export async function filterNames(db: Db, entityId: number | undefined, sourceId: number | undefined, storyId?: number) {
  const r = reads(db);
  const [entity, source, story] = await Promise.all([
    entityId ? r.get<{ name: string }>(ENTITY_NAME, entityId) : undefined,
    sourceId ? r.get<{ title: string }>(SOURCE_TITLE, sourceId) : undefined,
    storyId ? r.get<{ title: string }>(STORY_TITLE, storyId) : undefined,
  ]);
  return { entityName: entity?.name ?? null, sourceTitle: source?.title ?? null, storyTitle: story?.title ?? null };
}
