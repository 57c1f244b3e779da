/**
 * Runs insert over the rows in chunks of 128, 64, … 1 rows. Prisma keeps
 * each query shape it has compiled, and the number of rows is part of the
 * shape: batches of any size would compile (and keep) a new plan each time,
 * which is both slow and an unbounded amount of memory over a large file.
 */
export async function inChunks<R, T>(rows: R[], insert: (chunk: R[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  let i = 0;
  for (let size = 128; size >= 1; size /= 2) {
    for (; rows.length - i >= size; i += size) out.push(...(await insert(rows.slice(i, i + size))));
  }
  return out;
}
