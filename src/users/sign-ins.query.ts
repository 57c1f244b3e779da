import { z } from "zod";
import type { Db } from "../db.ts";
import { decodeCursor, page } from "../pagination.ts";
import { N_ } from "../i18n/i18n.ts";
import { OUTCOMES } from "./sign-in.service.ts";
import { normalEmail } from "./users.schema.ts";

const blank = (v: unknown) => (v === "" ? undefined : v);

export const signInQuerySchema = z.object({
  email: z.preprocess(blank, z.string().max(254).transform(normalEmail).optional()),
  outcome: z.preprocess(blank, z.enum(OUTCOMES, { error: N_("Outcome must be signed_in, signed_out, failed, throttled or disabled.") }).optional()),
  limit: z.preprocess(
    blank,
    z.coerce
      .number({ error: N_("Limit must be a number.") })
      .int()
      .min(1, N_("Limit must be from 1 to 200."))
      .max(200, N_("Limit must be from 1 to 200."))
      .default(50),
  ),
  cursor: z.preprocess(blank, z.string().max(200).optional()),
});
export type SignInQuery = z.infer<typeof signInQuerySchema>;

/** Sign-in events, newest first, in keyset pages. */
export async function listSignIns(db: Db, q: SignInQuery) {
  const rows = await db.signInEvent.findMany({
    where: {
      ...(q.email ? { email: q.email } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.cursor ? { id: { lt: decodeCursor(q.cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
    select: { id: true, createdAt: true, email: true, userId: true, address: true, outcome: true },
  });
  return page(rows, q.limit);
}
