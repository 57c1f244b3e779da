import { inChunks } from "../chunks.ts";
import type { Tx } from "../db.ts";
import { Invalid } from "../errors.ts";
import { parse } from "../validation.ts";
import { recordAudits, type Actor, type AuditInput } from "../audit/audit.service.ts";
import { claimCreated, claimResolved } from "../claims/claims.service.ts";
import { createClaimSchema, evidenceSchema, resolutionSchema } from "../claims/claims.schema.ts";
import { withTimes } from "../claims/claims.time.ts";
import { evidenceAdded } from "../claims/evidence.service.ts";
import { aliasRow, cleanAliases, entityCreated } from "../entities/entities.service.ts";
import { createEntitySchema } from "../entities/entities.schema.ts";
import { sourceCreated, sourceRow } from "../sources/sources.service.ts";
import { createSourceSchema } from "../sources/sources.schema.ts";
import type { At, Key, Planned, PlannedClaim, Problem } from "./import.plan.ts";

// The import's bulk path: the records of a batch are checked by the same
// schemas the services use and written with one insert per table, with the
// very audit events the services would have written one by one (claim.create,
// evidence.add, claim.resolve, source.create, entity.create). The services
// cost several queries a record; this costs a few a batch.

/** A source or an entity, by the key the file's claims cite it with. */
export type KeyedRecord = Extract<Planned, { key: Key }>;

/** Rows a multi-row INSERT … RETURNING gave back, in the order they were inserted (ids grow in that order). */
const inOrder = <T extends { id: number }>(rows: T[]) => rows.sort((a, b) => a.id - b.id);

export class BulkWriter {
  readonly sourceIds = new Map<Key, number>();
  readonly entityIds = new Map<Key, number>();

  constructor(
    private readonly tx: Tx,
    private readonly actor: Actor,
    private readonly refuse: (problems: Problem[]) => Error,
  ) {}

  /** A service schema's parse; its refusal names the record (the first pass should have caught it). */
  #parse<T>(at: At, work: () => T): T {
    try {
      return work();
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      throw this.refuse(Object.entries(err.fields).map(([field, message]) => ({ ...at, path: [field], message: String(message) })));
    }
  }

  async sources(batch: KeyedRecord[]): Promise<void> {
    const data = batch.map((s) => this.#parse(s.at, () => sourceRow(parse(createSourceSchema, s.input))));
    const rows = inOrder(await inChunks(data, (chunk) => this.tx.source.createManyAndReturn({ data: chunk })));
    rows.forEach((row, i) => this.sourceIds.set(batch[i]!.key, row.id));
    await recordAudits(this.tx, this.actor, rows.map(sourceCreated));
  }

  async entities(batch: KeyedRecord[]): Promise<void> {
    const parsed = batch.map((e) => this.#parse(e.at, () => parse(createEntitySchema, e.input)));
    const kept = parsed.map(({ name, aliases }) => cleanAliases(name, aliases));
    const rows = inOrder(
      await inChunks(
        parsed.map(({ aliases: _a, ...fields }) => fields),
        (chunk) => this.tx.entity.createManyAndReturn({ data: chunk }),
      ),
    );
    await inChunks(
      rows.flatMap((row, i) => kept[i]!.map((alias) => ({ entityId: row.id, ...aliasRow(alias) }))),
      (chunk) => this.tx.entityAlias.createManyAndReturn({ data: chunk, select: { id: true } }),
    );
    rows.forEach((row, i) => this.entityIds.set(batch[i]!.key, row.id));
    await recordAudits(
      this.tx,
      this.actor,
      rows.map((row, i) => entityCreated(row, kept[i]!)),
    );
  }

  /** Claims with their entities, evidence and resolution, in the state the services would leave them. */
  async claims(batch: PlannedClaim[]): Promise<void> {
    const now = new Date();
    const planned = batch.map((c) =>
      this.#parse(c.at, () => {
        const { entityIds, ...fields } = withTimes(parse(createClaimSchema, { ...c.input, entityIds: c.entities.map((k) => this.entityIds.get(k)!) }));
        const evidence = c.evidence.map((ev) =>
          parse(evidenceSchema, { sourceId: this.sourceIds.get(ev.source)!, stance: ev.stance, quote: ev.quote, language: ev.language }),
        );
        // what the resolution cited, or (files from before that was exported) the claim's evidence
        const fromFile = c.resolution?.sources.map((k) => this.sourceIds.get(k)!) ?? [];
        const cited = [...new Set(fromFile.length ? fromFile : evidence.map((ev) => ev.sourceId))];
        const resolution = c.resolution && parse(resolutionSchema, { outcome: c.resolution.outcome, note: c.resolution.note, sourceIds: cited });
        const resolvedAt = c.resolution?.resolvedAt ?? now;
        return { fields, entityIds: [...new Set(entityIds)], evidence, cited, resolution, resolvedAt };
      }),
    );
    // each added evidence and the resolution bump the version, as addEvidence and resolveClaim do
    const data = planned.map((p) => ({
      ...p.fields,
      version: 1 + p.evidence.length + (p.resolution ? 1 : 0),
      ...(p.resolution ? { status: p.resolution.outcome, resolutionNote: p.resolution.note, resolvedAt: p.resolvedAt } : {}),
    }));
    const rows = inOrder(await inChunks(data, (chunk) => this.tx.claim.createManyAndReturn({ data: chunk })));
    const links = rows.flatMap((row, i) => planned[i]!.entityIds.map((entityId) => ({ claimId: row.id, entityId })));
    await inChunks(links, (chunk) => this.tx.claimEntity.createManyAndReturn({ data: chunk, select: { claimId: true } }));
    const quotes = rows.flatMap((row, i) => planned[i]!.evidence.map((ev) => ({ claimId: row.id, ...ev })));
    const evidence = inOrder(await inChunks(quotes, (chunk) => this.tx.evidence.createManyAndReturn({ data: chunk })));
    const events: AuditInput[] = [];
    let e = 0;
    rows.forEach((row, i) => {
      const p = planned[i]!;
      // the claim as createClaim left it: open, unresolved
      const created = { ...row, status: p.fields.status, resolutionNote: "", resolvedAt: null };
      events.push(claimCreated(created, p.entityIds));
      for (let j = 0; j < p.evidence.length; j++) events.push(evidenceAdded(row.id, evidence[e++]!));
      if (p.resolution)
        events.push(
          claimResolved(created, { status: p.resolution.outcome, resolutionNote: p.resolution.note, resolvedAt: p.resolvedAt }, p.resolution.note, p.cited),
        );
    });
    await recordAudits(this.tx, this.actor, events);
  }
}
