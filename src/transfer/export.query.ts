import type { Db } from "../db.ts";
import { EXPORTED, EXPORTED_FIELDS, valuesOf, type ExportedField, type FieldKind } from "../claims/claim.fields.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { matchingIds } from "../claims/claims.list.ts";
import type { ListQuery } from "../claims/claims.schema.ts";
import { isResolved } from "../claims/status.ts";
import { csvLine } from "./csv.ts";
import { CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION } from "./transfer.schema.ts";

// The ledger, or the claims a list's filters match, as text chunks, read a
// page of rows at a time so that a hundred thousand claims never sit in
// memory at once. Claims are read
// first: a source or entity added meanwhile is still in the file by the time
// sources and entities are read; only a merge during the export can leave a
// claim naming an entity that is gone (the import then says which).

const PAGE = 1000;

async function* pages<T extends { id: number }>(fetch: (afterId: number) => Promise<T[]>): AsyncGenerator<T[]> {
  let afterId = 0;
  for (;;) {
    const rows = await fetch(afterId);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

const claimInclude = {
  entities: { orderBy: { entityId: "asc" }, select: { entity: { select: { id: true, name: true } } } },
  evidence: { orderBy: { id: "asc" }, select: { stance: true, quote: true, language: true, source: { select: { id: true, title: true, url: true } } } },
} as const satisfies Prisma.ClaimInclude;
interface SourceRef {
  id: number;
  title: string;
  url: string | null;
}
type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }> & { resolutionSources: SourceRef[] };

/** A quote's language when it has one: files stay as they were for evidence without one. */
const quoteLanguage = (e: { language: string | null }) => (e.language ? { language: e.language } : {});

type Matching = Awaited<ReturnType<typeof matchingIds>>;

/**
 * The sources each resolved claim's resolution cited, which need not be
 * among its evidence: its latest claim.resolve event's (a reopened and
 * resolved again claim cites what it cites now). Two queries for a page of
 * claims, whatever its size.
 */
async function resolutionSources(db: Db, claims: { id: number; status: string }[]): Promise<Map<number, SourceRef[]>> {
  const resolved = claims.filter((c) => isResolved(c.status)).map((c) => c.id);
  if (!resolved.length) return new Map();
  const events = await db.auditEvent.findMany({
    where: { subjectType: "claim", action: "claim.resolve", subjectId: { in: resolved } },
    orderBy: { id: "asc" },
    select: { subjectId: true, sourceIds: true },
  });
  // oldest first, so each claim's latest event is the one kept
  const cited = new Map(events.map((e) => [e.subjectId, JSON.parse(e.sourceIds) as number[]]));
  const rows = await db.source.findMany({ where: { id: { in: [...new Set([...cited.values()].flat())] } }, select: { id: true, title: true, url: true } });
  const byId = new Map(rows.map((s) => [s.id, s]));
  return new Map([...cited].map(([claimId, ids]) => [claimId, ids.flatMap((id) => byId.get(id) ?? [])]));
}

/** The claims the filters match, in id order, each page read by id with what it links to. */
const claimPages = (db: Db, matching: Matching) =>
  pages(async (afterId) => {
    const ids = await matching.after(afterId, PAGE);
    if (!ids.length) return [];
    const claims = await db.claim.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, include: claimInclude });
    const cited = await resolutionSources(db, claims);
    return claims.map((c) => ({ ...c, resolutionSources: cited.get(c.id) ?? [] }));
  });

/** Pages of all the rows, or (`only`) of those rows among them, in id order. */
const within = (only: Set<number> | null, afterId: number) =>
  ({
    where: {
      id: only
        ? {
            in: [...only]
              .filter((id) => id > afterId)
              .sort((a, b) => a - b)
              .slice(0, PAGE),
          }
        : { gt: afterId },
    },
    orderBy: { id: "asc" },
    take: PAGE,
  }) as const;
const sourcePages = (db: Db, only: Set<number> | null) => pages((id) => db.source.findMany(within(only, id)));
const entityPages = (db: Db, only: Set<number> | null) =>
  pages((id) => db.entity.findMany({ ...within(only, id), include: { aliases: { orderBy: { id: "asc" } } } }));

/** Passes the pages on, noting the sources and entities their claims refer to. */
async function* noting(claims: AsyncIterable<ClaimRow[]>, sources: Set<number>, entities: Set<number>): AsyncGenerator<ClaimRow[]> {
  for await (const page of claims) {
    for (const c of page) {
      for (const e of c.evidence) sources.add(e.source.id);
      for (const r of c.resolutionSources) sources.add(r.id);
      for (const e of c.entities) entities.add(e.entity.id);
    }
    yield page;
  }
}

function claimRecord(c: ClaimRow) {
  return {
    id: c.id,
    ...valuesOf(c, EXPORTED_FIELDS),
    resolutionSourceIds: c.resolutionSources.map((s) => s.id),
    entityIds: c.entities.map((e) => e.entity.id),
    evidence: c.evidence.map((e) => ({ sourceId: e.source.id, stance: e.stance, quote: e.quote, ...quoteLanguage(e) })),
  };
}

type SourceRow = Awaited<ReturnType<Db["source"]["findFirstOrThrow"]>>;
const sourceRecord = ({ id, title, publisher, author, url, publishedAt, kind, reliability, notes }: SourceRow) => ({
  id,
  title,
  publisher,
  author,
  url,
  publishedAt,
  kind,
  reliability,
  notes,
});

type EntityRow = Prisma.EntityGetPayload<{ include: { aliases: true } }>;
const entityRecord = (e: EntityRow) => ({ id: e.id, name: e.name, kind: e.kind, description: e.description, aliases: e.aliases.map((a) => a.alias) });

/** `"key":[` then one record a line, so a message about claims[12] can name the line it is on. */
async function* jsonArray<T>(key: string, rows: AsyncIterable<T[]>, record: (row: T) => unknown, last: boolean): AsyncGenerator<string> {
  yield `"${key}":[`;
  let first = true;
  for await (const page of rows) {
    yield page.map((row) => `${first ? ((first = false), "\n") : ",\n"}${JSON.stringify(record(row))}`).join("");
  }
  yield `\n]${last ? "" : ","}\n`;
}

/**
 * The whole ledger, or the claims the filters match with just the sources
 * and entities they refer to (so the file imports on its own). A filtered
 * file's sets of ids stay small: a ledger has far fewer sources than claims.
 */
export async function* jsonExport(db: Db, exportedAt: Date, filters: ListQuery): AsyncGenerator<string> {
  const matching = await matchingIds(db, filters);
  const [sources, entities] = [new Set<number>(), new Set<number>()];
  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":"${exportedAt.toISOString()}",\n`;
  yield* jsonArray("claims", noting(claimPages(db, matching), sources, entities), claimRecord, false);
  yield* jsonArray("sources", sourcePages(db, matching.whole ? null : sources), sourceRecord, false);
  yield* jsonArray("entities", entityPages(db, matching.whole ? null : entities), entityRecord, true);
  yield "}\n";
}

/** A field's value as its cell: an instant as ISO text in UTC (empty when unknown), a number in digits. */
const cell = (kind: FieldKind, v: unknown) => (kind === "instant" ? ((v as Date | null)?.toISOString() ?? "") : String(v));

/** One claim as CSV cells; the evidence and resolutionSources cells carry what an import needs, the titles and URLs are for reading. */
function claimCells(c: ClaimRow): string[] {
  const sources = [...new Map(c.evidence.map((e) => [e.source.id, e.source])).values()];
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: String(c.id),
    ...(Object.fromEntries(EXPORTED.map((f) => [f.name, cell(f.kind, c[f.name as ExportedField])])) as Record<ExportedField, string>),
    entities: c.entities.map((e) => e.entity.name).join("; "),
    sourceTitles: sources.map((s) => s.title).join("; "),
    sourceUrls: sources.flatMap((s) => (s.url ? [s.url] : [])).join("; "),
    evidence: JSON.stringify(
      c.evidence.map((e) => ({ sourceTitle: e.source.title, sourceUrl: e.source.url, stance: e.stance, quote: e.quote, ...quoteLanguage(e) })),
    ),
    resolutionSources: JSON.stringify(c.resolutionSources.map((s) => ({ sourceTitle: s.title, sourceUrl: s.url }))),
  };
  return CSV_COLUMNS.map((column) => cells[column]);
}

/** A byte-order mark first, so spreadsheets read the file as UTF-8. */
export async function* csvExport(db: Db, filters: ListQuery): AsyncGenerator<string> {
  const matching = await matchingIds(db, filters);
  yield "\uFEFF" + csvLine(CSV_COLUMNS);
  for await (const page of claimPages(db, matching)) yield page.map((c) => csvLine(claimCells(c))).join("");
}
