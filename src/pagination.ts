import { BadRequest } from "./errors.ts";

// Keyset pagination: a cursor is the last id of a page, opaque to clients.

export const encodeCursor = (id: number) => Buffer.from(JSON.stringify({ id })).toString("base64url");

export function decodeCursor(cursor: string): number {
  try {
    const { id } = JSON.parse(Buffer.from(cursor, "base64url").toString()) as { id?: unknown };
    if (typeof id === "number" && Number.isSafeInteger(id) && id > 0) return id;
  } catch {
    // not JSON: the same answer as a cursor of the wrong shape
  }
  throw new BadRequest("The cursor is not one this server gave out; start again from the first page.");
}

/** The first `limit` rows and the cursor of the next page (rows were fetched with take: limit + 1). */
export function page<T extends { id: number }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}

/** A keyset cursor for any sort: the sort's key of the last row, and its id. */
export interface Keyset {
  sort: string;
  key: string | number | null;
  id: number;
}

export const encodeKeyset = (k: Keyset) => Buffer.from(JSON.stringify([k.sort, k.key, k.id])).toString("base64url");

/** The cursor's keyset, when it was made for this sort and its key is one the sort's rows have (`isKey`). */
export function decodeKeyset(cursor: string, sort: string, isKey: (key: unknown) => boolean): Keyset {
  try {
    const [s, key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown[];
    if (s === sort && isKey(key) && typeof id === "number" && Number.isSafeInteger(id) && id > 0) return { sort, key: key as Keyset["key"], id };
  } catch {
    // not JSON: the same answer as a cursor of the wrong shape
  }
  throw new BadRequest("The cursor does not belong to this list or sort; start again from the first page.");
}

/** How many of its claims a source's or an entity's page lists (the newest); the claims list filtered by it has them all. */
export const CLAIMS_SHOWN = 50;
