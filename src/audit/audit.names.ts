import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db.ts";
import { reads } from "../db.ts";
import { eventJson, type AuditEventJson, type AuditInput } from "./audit.service.ts";
import { recordKind } from "./audit.registry.ts";
import type { Translator } from "../i18n/i18n.ts";

/**
 * "Claim #2", or with the words that name it, "Claim #2: The board…", in the
 * reader's language; the words are the record's own and stay as written.
 */
export function recordName(t: Translator, type: string, id: number, named?: string): string {
  const label = recordKind(type)?.label;
  const record = label ? t(label, { id: String(id) }) : `${type.replace(/^./, (c) => c.toUpperCase())} #${id}`;
  return named ? t("{record}: {name}", { record, name: named }) : record;
}

const { sql, join } = Prisma;

type Named = Pick<AuditEventJson, "actorId" | "actor">;

/**
 * Events with the name their actor goes by now ("Ed Itor"), read in one query
 * for all of them. An event keeps the label recorded at the time (the e-mail,
 * or "system", "import", "cli"): that is what shows for those, for an account
 * without a name and for one that is gone.
 */
export async function withActorNames<E extends Named>(db: Db, events: E[]): Promise<(E & { actorName: string })[]> {
  const ids = [...new Set(events.flatMap((e) => (e.actorId === null ? [] : [e.actorId])))];
  const users = ids.length ? await reads(db).query<{ id: number; name: string }>(sql`SELECT id, name FROM "User" WHERE id IN (${join(ids)})`) : [];
  const names = new Map(users.filter((u) => u.name.trim()).map((u) => [u.id, u.name]));
  return events.map((e) => ({ ...e, actorName: (e.actorId !== null && names.get(e.actorId)) || e.actor }));
}

/** A record's newest event, with its actor's name: who saved the version a conflict page shows, and why. */
export async function lastChange(db: Db, subjectType: AuditInput["subjectType"], subjectId: number) {
  const row = await db.auditEvent.findFirst({ where: { subjectType, subjectId }, orderBy: { id: "desc" } });
  return row ? (await withActorNames(db, [eventJson(row)]))[0]! : null;
}
export type LastChange = Awaited<ReturnType<typeof lastChange>>;
