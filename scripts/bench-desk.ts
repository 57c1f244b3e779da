// The desk's share of a ledger, for the page benchmark (scripts/bench-pages.ts):
// a story holding every tenth claim, every seventh claim assigned to one
// editor and watched by the bench account, whose inbox then holds all those
// claims' events. Written in SQL that both engines run, as the synthetic
// seeder writes its rows; applying it again to the same database adds nothing.
import { SYSTEM } from "../src/audit/audit.service.ts";
import type { Db } from "../src/db.ts";
import { createStory } from "../src/stories/stories.service.ts";
import { createUser } from "../src/users/users.service.ts";

const TITLE = "Benchmark: every tenth claim";
const EDITOR = { email: "desk-bench@example.org", name: "Desk benchmark editor", role: "editor", password: "bench-only password, not a secret" };

export interface Desk {
  storyId: number;
  assigneeId: number;
}

/** The fixture in `db`, for the account `watcherId`; how many rows each part holds goes to stderr. */
export async function deskFixture(db: Db, watcherId: number): Promise<Desk> {
  const editor = (await db.user.findUnique({ where: { email: EDITOR.email } })) ?? (await createUser(db, SYSTEM, EDITOR));
  const story = (await db.story.findFirst({ where: { title: TITLE } })) ?? (await createStory(db, SYSTEM, { title: TITLE }));
  // CAST: PostgreSQL types a parameter in a SELECT list as text, not as the column it goes to
  await db.$executeRaw`INSERT INTO "StoryClaim" ("storyId", "claimId") SELECT CAST(${story.id} AS INTEGER), id FROM "Claim" WHERE id % 10 = 0
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`UPDATE "Claim" SET "assigneeId" = ${editor.id} WHERE id % 7 = 0 AND "assigneeId" IS NULL`;
  await db.$executeRaw`INSERT INTO "Watch" ("userId", "claimId") SELECT CAST(${watcherId} AS INTEGER), id FROM "Claim" WHERE id % 7 = 0
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`INSERT INTO "InboxItem" ("userId", "eventId") SELECT CAST(${watcherId} AS INTEGER), e.id FROM "AuditEvent" e
    JOIN "Watch" w ON w."claimId" = e."subjectId" AND w."userId" = ${watcherId} WHERE e."subjectType" = 'claim' ON CONFLICT DO NOTHING`;
  const [inStory, watched, inbox] = await Promise.all([
    db.storyClaim.count({ where: { storyId: story.id } }),
    db.watch.count({ where: { userId: watcherId } }),
    db.inboxItem.count({ where: { userId: watcherId } }),
  ]);
  process.stderr.write(`  desk: ${inStory} claims in the story, ${watched} watched and assigned, ${inbox} in the inbox\n`);
  return { storyId: story.id, assigneeId: editor.id };
}
