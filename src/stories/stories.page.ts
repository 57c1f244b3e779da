// What the story page shows beyond the story and its counts: its open
// rumors, who is working on which of its claims, its first claims, its
// activity, and the claims an editor looked for to add.
import { Prisma } from "../generated/prisma/client.ts";
import { reads, type Db } from "../db.ts";
import { eventOfRow } from "../audit/audit.service.ts";
import { withActorNames } from "../audit/audit.names.ts";
import { recordNames } from "../audit/audit.log.ts";
import { namesIn } from "../audit/audit.query.ts";
import { listClaims } from "../claims/claims.list.ts";
import { listQuerySchema } from "../claims/claims.schema.ts";
import { OPEN_STATUSES } from "../claims/status.ts";
import { ageInWords } from "../dashboard/dashboard.query.ts";
import { getStory } from "./stories.query.ts";

const { sql, join } = Prisma;

/** How many of each list the page shows; the claims list, the timeline and the audit log have the rest. */
export const STORY_PAGE = { rumors: 10, claims: 25, perAssignee: 10, activity: 15, found: 10, watched: 2000, recentEvents: 2000 };

const RUMORS = `SELECT c.id, c.statement, c."createdAt" FROM "StoryClaim" sc JOIN "Claim" c ON c.id = sc."claimId"
  WHERE sc."storyId" = ? AND c.status = 'rumored' ORDER BY c."createdAt", c.id LIMIT ?`;

/** The story's open rumors, the longest open first. */
async function openRumors(db: Db, storyId: number, now: Date) {
  const rows = await reads(db).all<{ id: number; statement: string; createdAt: string | Date }>(RUMORS, storyId, STORY_PAGE.rumors);
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt), age: ageInWords(new Date(r.createdAt), now) }));
}

interface AssignedRow {
  id: number;
  statement: string;
  status: string;
  assigneeId: number | null;
}

/**
 * Who is working on what: the story's open claims grouped by assignee
 * (names from User), each with its first claims and how many it has; and
 * how many open claims nobody has.
 */
async function assignments(db: Db, storyId: number) {
  const open = join([...OPEN_STATUSES]);
  const r = reads(db);
  // how many each has, from the counts the triggers keep (nobody is assignee 0)
  const groups = (
    await r.query<{ assigneeId: number; n: number | bigint }>(
      sql`SELECT "assigneeId", SUM(n) AS n FROM "StoryClaimCount" WHERE "storyId" = ${storyId} AND status IN (${open})
          GROUP BY "assigneeId" HAVING SUM(n) > 0`,
    )
  ).map((g) => ({ assigneeId: Number(g.assigneeId) || null, n: g.n }));
  const ids = groups.flatMap((g) => (g.assigneeId === null ? [] : [g.assigneeId]));
  // each assignee's first few, walked in their own claims (Claim's assignee index), so one busy assignee does not crowd out the others
  const [users, firsts] = await Promise.all([
    ids.length ? r.query<{ id: number; name: string; email: string }>(sql`SELECT id, name, email FROM "User" WHERE id IN (${join(ids)})`) : [],
    Promise.all(
      ids.map((id) =>
        r.query<AssignedRow>(
          sql`SELECT c.id, c.statement, c.status, c."assigneeId" FROM "Claim" c
              WHERE c."assigneeId" = ${id} AND c.status IN (${open})
                AND EXISTS (SELECT 1 FROM "StoryClaim" sc WHERE sc."storyId" = ${storyId} AND sc."claimId" = c.id)
              ORDER BY c.id LIMIT ${STORY_PAGE.perAssignee}`,
        ),
      ),
    ),
  ]);
  const claims = firsts.flat();
  const people = ids
    .map((id) => {
      const user = users.find((u) => u.id === id);
      return {
        id,
        name: user ? user.name.trim() || user.email : `#${id}`,
        count: Number(groups.find((g) => g.assigneeId === id)!.n),
        claims: claims.filter((c) => Number(c.assigneeId) === id),
      };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { people, unassigned: Number(groups.find((g) => g.assigneeId === null)?.n ?? 0) };
}

/**
 * The newest events of the story and of its claims, named for the page.
 * First among the log's newest STORY_PAGE.recentEvents: a busy story has its
 * n there, read from the end of the log (a probe of StoryClaim each). Else
 * from the n claims whose own newest event is newest (one index seek per
 * claim of the story), and the story's own newest n: never one OR over all
 * its claims' events, which gathers and sorts every one of them (a second for
 * a story of 100,000 claims).
 */
async function activityRows(db: Db, storyId: number) {
  const n = STORY_PAGE.activity;
  const recent = await reads(db).query(
    // the newest events as a subquery: a condition on id beside the OR would have SQLite search each side's index instead
    sql`SELECT * FROM (SELECT * FROM "AuditEvent" ORDER BY id DESC LIMIT ${STORY_PAGE.recentEvents}) AS e
        WHERE (e."subjectType" = 'story' AND e."subjectId" = ${storyId})
          OR (e."subjectType" = 'claim' AND EXISTS (SELECT 1 FROM "StoryClaim" sc WHERE sc."storyId" = ${storyId} AND sc."claimId" = e."subjectId"))
        ORDER BY e.id DESC LIMIT ${n}`,
  );
  if (recent.length === n) return recent;
  return reads(db).query(
    sql`WITH busiest AS (
          SELECT sc."claimId" AS id, (SELECT MAX(e.id) FROM "AuditEvent" e WHERE e."subjectType" = 'claim' AND e."subjectId" = sc."claimId") AS newest
          FROM "StoryClaim" sc WHERE sc."storyId" = ${storyId} ORDER BY newest DESC NULLS LAST LIMIT ${n}
        )
        SELECT * FROM "AuditEvent" WHERE id IN (
          SELECT id FROM (SELECT id FROM "AuditEvent" WHERE "subjectType" = 'story' AND "subjectId" = ${storyId} ORDER BY id DESC LIMIT ${n}) AS own
          UNION ALL
          SELECT id FROM (SELECT id FROM "AuditEvent" WHERE "subjectType" = 'claim' AND "subjectId" IN (SELECT id FROM busiest) ORDER BY id DESC LIMIT ${n}) AS claims
        ) ORDER BY id DESC LIMIT ${n}`,
  );
}

/** The story's activity, with the records, sources, entities and accounts its events name. */
async function activity(db: Db, storyId: number) {
  const rows = await activityRows(db, storyId);
  const events = await withActorNames(db, rows.map(eventOfRow));
  const [records, names] = await Promise.all([recordNames(db, events), namesIn(db, events)]);
  return { events, records, ...names };
}

/** Claims whose words (or aliases) match `find`, to add: the claims list's own search, those already in the story marked. */
async function found(db: Db, storyId: number, find: string) {
  if (!find) return null;
  const { items } = await listClaims(db, listQuerySchema.parse({ q: find, limit: STORY_PAGE.found }));
  const ids = items.map((c) => c.id);
  const inStory = ids.length
    ? new Set(
        (await reads(db).query<{ claimId: number }>(sql`SELECT "claimId" FROM "StoryClaim" WHERE "storyId" = ${storyId} AND "claimId" IN (${join(ids)})`)).map(
          (r) => Number(r.claimId),
        ),
      )
    : new Set<number>();
  return items.map((c) => ({ id: c.id, statement: c.statement, status: c.status, inStory: inStory.has(c.id) }));
}

/** The ids of the story's claims (its first STORY_PAGE.watched): a change to any of them changes the page, and its live notice says so. */
async function claimIds(db: Db, storyId: number) {
  const rows = await reads(db).query<{ claimId: number }>(
    sql`SELECT "claimId" FROM "StoryClaim" WHERE "storyId" = ${storyId} ORDER BY "claimId" LIMIT ${STORY_PAGE.watched}`,
  );
  return rows.map((r) => Number(r.claimId));
}

/** Everything /stories/:id shows. */
export async function storyPage(db: Db, id: number, find = "", now = new Date()) {
  const story = await getStory(db, id);
  const [rumors, assigned, claims, recent, results, ids] = await Promise.all([
    openRumors(db, id, now),
    assignments(db, id),
    listClaims(db, listQuerySchema.parse({ story: String(id), limit: STORY_PAGE.claims })),
    activity(db, id),
    found(db, id, find),
    claimIds(db, id),
  ]);
  return { story, rumors, assigned, claims, ...recent, found: results, claimIds: ids };
}
