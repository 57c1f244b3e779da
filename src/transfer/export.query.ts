import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { isResolved } from "../claims/status.ts";
import { csvLine } from "./csv.ts";
import { CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION } from "./transfer.schema.ts";

// The whole ledger as text chunks, read a page of rows at a time so that a
// hundred thousand claims never sit in memory at once. Claims are read
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
  evidence: { orderBy: { id: "asc" }, select: { stance: true, quote: true, source: { select: { id: true, title: true, url: true } } } },
} as const satisfies Prisma.ClaimInclude;
interface SourceRef {
  id: number;
  title: string;
  url: string | null;
}
type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }> & { resolutionSources: SourceRef[] };

const after = (afterId: number) => ({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: PAGE }) as const;

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

const claimPages = (db: Db) =>
  pages(async (id) => {
    const claims = await db.claim.findMany({ ...after(id), include: claimInclude });
    const cited = await resolutionSources(db, claims);
    return claims.map((c) => ({ ...c, resolutionSources: cited.get(c.id) ?? [] }));
  });
const sourcePages = (db: Db) => pages((id) => db.source.findMany(after(id)));
const entityPages = (db: Db) => pages((id) => db.entity.findMany({ ...after(id), include: { aliases: { orderBy: { id: "asc" } } } }));

function claimRecord(c: ClaimRow) {
  return {
    id: c.id,
    statement: c.statement,
    context: c.context,
    status: c.status,
    confidence: c.confidence,
    occurredAt: c.occurredAt,
    occurredPrecision: c.occurredPrecision,
    occurredZone: c.occurredZone,
    occurredAtText: c.occurredAtText,
    firstReportedAt: c.firstReportedAt,
    resolutionNote: c.resolutionNote,
    resolvedAt: c.resolvedAt,
    resolutionSourceIds: c.resolutionSources.map((s) => s.id),
    entityIds: c.entities.map((e) => e.entity.id),
    evidence: c.evidence.map((e) => ({ sourceId: e.source.id, stance: e.stance, quote: e.quote })),
  };
}

type SourceRow = Awaited<ReturnType<Db["source"]["findFirstOrThrow"]>>;
const sourceRecord = ({ id, title, publisher, author, url, publishedAt, kind, reliability, notes }: SourceRow) =>
  ({ id, title, publisher, author, url, publishedAt, kind, reliability, notes });

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

export async function* jsonExport(db: Db, exportedAt: Date): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":"${exportedAt.toISOString()}",\n`;
  yield* jsonArray("claims", claimPages(db), claimRecord, false);
  yield* jsonArray("sources", sourcePages(db), sourceRecord, false);
  yield* jsonArray("entities", entityPages(db), entityRecord, true);
  yield "}\n";
}

const iso = (d: Date | null) => d?.toISOString() ?? "";

/** One claim as CSV cells; the evidence and resolutionSources cells carry what an import needs, the titles and URLs are for reading. */
function claimCells(c: ClaimRow): string[] {
  const sources = [...new Map(c.evidence.map((e) => [e.source.id, e.source])).values()];
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: String(c.id),
    statement: c.statement,
    context: c.context,
    status: c.status,
    confidence: String(c.confidence),
    occurredAt: iso(c.occurredAt),
    occurredPrecision: c.occurredPrecision,
    occurredZone: c.occurredZone,
    occurredAtText: c.occurredAtText,
    firstReportedAt: iso(c.firstReportedAt),
    resolutionNote: c.resolutionNote,
    resolvedAt: iso(c.resolvedAt),
    entities: c.entities.map((e) => e.entity.name).join("; "),
    sourceTitles: sources.map((s) => s.title).join("; "),
    sourceUrls: sources.flatMap((s) => (s.url ? [s.url] : [])).join("; "),
    evidence: JSON.stringify(c.evidence.map((e) => ({ sourceTitle: e.source.title, sourceUrl: e.source.url, stance: e.stance, quote: e.quote }))),
    resolutionSources: JSON.stringify(c.resolutionSources.map((s) => ({ sourceTitle: s.title, sourceUrl: s.url }))),
  };
  return CSV_COLUMNS.map((column) => cells[column]);
}

/** A byte-order mark first, so spreadsheets read the file as UTF-8. */
export async function* csvExport(db: Db): AsyncGenerator<string> {
  yield "\uFEFF" + csvLine(CSV_COLUMNS);
  for await (const page of claimPages(db)) yield page.map((c) => csvLine(claimCells(c))).join("");
}
