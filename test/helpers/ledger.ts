import { EXPORTED_FIELDS, valuesOf } from "../../src/claims/claim.fields.ts";
import type { Db } from "../../src/db.ts";

// What an import must reproduce of a ledger, for the transfer tests to compare.

/** A ledger's content without its ids: what an import must reproduce. `csv` keeps what a CSV carries. */
export async function content(db: Db, csv = false) {
  const claims = await db.claim.findMany({
    orderBy: { id: "asc" },
    include: { entities: { include: { entity: { include: { aliases: true } } } }, evidence: { orderBy: { id: "asc" }, include: { source: true } } },
  });
  const source = (s: {
    title: string;
    publisher: string;
    author: string;
    url: string | null;
    publishedAt: Date | null;
    kind: string;
    reliability: string;
    notes: string;
  }) =>
    csv
      ? { title: s.title, url: s.url }
      : {
          title: s.title,
          publisher: s.publisher,
          author: s.author,
          url: s.url,
          publishedAt: s.publishedAt,
          kind: s.kind,
          reliability: s.reliability,
          notes: s.notes,
        };
  const entity = (e: { name: string; kind: string; description: string; aliases: { alias: string }[] }) =>
    csv ? e.name : { name: e.name, kind: e.kind, description: e.description, aliases: e.aliases.map((a) => a.alias).sort() };
  return {
    claims: claims.map((c) => ({
      ...valuesOf(c, EXPORTED_FIELDS),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      entities: c.entities.map((ce) => entity(ce.entity)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      evidence: c.evidence.map((e) => ({ stance: e.stance, quote: e.quote, source: source(e.source) })),
    })),
    ...(csv
      ? {}
      : {
          sources: (await db.source.findMany({ orderBy: { id: "asc" } })).map(source),
          entities: (await db.entity.findMany({ orderBy: { id: "asc" }, include: { aliases: true } })).map(entity),
        }),
  };
}

/** The titles of the sources each claim's latest resolution cites, claim by claim ([] for a claim never resolved). */
export async function cited(db: Db): Promise<string[][]> {
  const claims = await db.claim.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  const titles: string[][] = [];
  for (const c of claims) {
    const event = await db.auditEvent.findFirst({ where: { subjectType: "claim", subjectId: c.id, action: "claim.resolve" }, orderBy: { id: "desc" } });
    const ids = event ? (JSON.parse(event.sourceIds) as number[]) : [];
    titles.push(await Promise.all(ids.map(async (id) => (await db.source.findUniqueOrThrow({ where: { id } })).title)));
  }
  return titles;
}
