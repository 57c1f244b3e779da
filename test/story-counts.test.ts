// A story's counts by status and assignee, kept by triggers (StoryClaimCount,
// the desk_counts migration): after every kind of change that moves them
// (adding and removing claims, status changes, assigning, reassigning,
// unassigning), the kept counts are what counting the claims gives, and the
// pages and API that read them say so. On both engines; and a database from
// before the migration gets them counted from its stories.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";
import { applyMigrations } from "./helpers/migrations.ts";

let t: TestApp;
let token: string;
let ann: number;
let bob: number;
let n = 0;
const unique = (label: string) => `${label} ${++n}-${Date.now()}`;

beforeAll(async () => {
  t = await testApp();
  token = await t.token("editor");
  ann = (await t.signIn("editor")).id;
  bob = (await t.signIn("editor")).id;
});
afterAll(() => t.close());

const api = () => bearer(t.app, token);

async function claim(status: string) {
  return (
    await api()
      .post("/api/claims", { statement: unique("Counted claim"), status })
      .expect(201)
  ).body as { id: number };
}
async function patch(id: number, fields: Record<string, unknown>) {
  const { version } = (await api().get(`/api/claims/${id}`).expect(200)).body as { version: number };
  await api()
    .patch(`/api/claims/${id}`, { ...fields, version, reason: "Counting test." })
    .expect(200);
}

type Counts = Record<string, number>;
const tally = (rows: { key: string; n: number | bigint }[]) => {
  const out: Counts = {};
  for (const r of rows) if (Number(r.n)) out[r.key] = (out[r.key] ?? 0) + Number(r.n);
  return out;
};

/** The story's kept counts, and the same counted from its claims: by status, and by "status/assignee". */
async function both(storyId: number) {
  const links = await t.db.storyClaim.findMany({ where: { storyId }, include: { claim: { select: { status: true, assigneeId: true } } } });
  const kept = await t.db.storyClaimCount.findMany({ where: { storyId } });
  return {
    kept: tally(kept.map((k) => ({ key: `${k.status}/${k.assigneeId}`, n: k.n }))),
    counted: tally(links.map((l) => ({ key: `${l.claim.status}/${l.claim.assigneeId ?? 0}`, n: 1 }))),
    byStatus: tally(links.map((l) => ({ key: l.claim.status, n: 1 }))),
  };
}

/** The claims list's status tabs, as the page shows them. */
const tabs = async (query: string) => {
  const { agent } = await t.signIn("viewer");
  const page = await agent.get(`/claims?${query}`).expect(200);
  return [...page.text.matchAll(/<span class="count">([^<]*)<\/span><\/a>/g)].map((m) => m[1]);
};

async function expectKept(storyId: number) {
  const { kept, counted, byStatus } = await both(storyId);
  expect(kept).toEqual(counted);
  const story = (await api().get(`/api/stories/${storyId}`).expect(200)).body as { counts: Counts; claimCount: number };
  expect(tally(Object.entries(story.counts).map(([key, v]) => ({ key, n: v })))).toEqual(byStatus);
  // the list's tabs read the kept counts for a story alone; another filter beside it counts the claims
  expect(await tabs(`story=${storyId}`)).toEqual(await tabs(`story=${storyId}&minConfidence=0`));
  expect(await tabs(`story=${storyId}&state=open`)).toEqual(await tabs(`story=${storyId}&state=open&minConfidence=0`));
}

describe("a story's kept counts", () => {
  it("follow adding, status changes, assignment and removal, in every story the claim is in", async () => {
    const one = (
      await api()
        .post("/api/stories", { title: unique("Counted story") })
        .expect(201)
    ).body as { id: number };
    const two = (
      await api()
        .post("/api/stories", { title: unique("Counted story") })
        .expect(201)
    ).body as { id: number };
    const [rumor, open, other] = [await claim("rumored"), await claim("unverified"), await claim("unverified")];
    for (const [story, c] of [
      [one, rumor],
      [one, open],
      [two, rumor],
      [two, other],
    ] as const)
      await api().post(`/api/stories/${story.id}/claims`, { claimId: c.id }).expect(201);
    await expectKept(one.id);
    await expectKept(two.id);

    await patch(rumor.id, { assigneeId: ann });
    await patch(open.id, { assigneeId: bob });
    expect((await both(one.id)).kept).toEqual({ [`rumored/${ann}`]: 1, [`unverified/${bob}`]: 1 });
    await expectKept(two.id);

    const source = (
      await api()
        .post("/api/sources", { title: unique("Board letter") })
        .expect(201)
    ).body as { id: number };
    await api()
      .post(`/api/claims/${rumor.id}/resolution`, { outcome: "confirmed", note: "Out.", sourceIds: [source.id] })
      .expect(200);
    await patch(open.id, { assigneeId: ann, status: "rumored" });
    await patch(rumor.id, { assigneeId: null });
    expect((await both(one.id)).kept).toEqual({ "confirmed/0": 1, [`rumored/${ann}`]: 1 });
    expect((await both(two.id)).kept).toEqual({ "confirmed/0": 1, "unverified/0": 1 });
    await expectKept(one.id);

    await api().delete(`/api/stories/${one.id}/claims/${open.id}`).expect(200);
    expect((await both(one.id)).kept).toEqual({ "confirmed/0": 1 });
    await expectKept(one.id);
    await expectKept(two.id);

    // who works on what reads them too
    const { agent } = await t.signIn("viewer");
    await api().post(`/api/stories/${one.id}/claims`, { claimId: open.id }).expect(201);
    const page = await agent.get(`/stories/${one.id}`).expect(200);
    const assigned = page.text.slice(page.text.indexOf('id="assigned-title"'), page.text.indexOf('id="claims-title"'));
    expect(assigned).toContain("(1 open claim)");
    expect(assigned).toContain(`/claims/${open.id}"`);
    await expectKept(one.id);
  });
});

describe("the desk_counts migration on a database from before it", () => {
  it("counts the stories' claims already there", async () => {
    const file = path.join(inject("tmpDir"), `${randomUUID()}.db`);
    applyMigrations(file, { without: "20261206000000_desk_counts" });
    const old = await testApp({ file });
    const story = await old.db.story.create({ data: { title: "Before the counts" } });
    for (const status of ["rumored", "rumored", "confirmed"]) {
      const c = await old.db.claim.create({ data: { statement: unique("Old claim"), status } });
      await old.db.storyClaim.create({ data: { storyId: story.id, claimId: c.id } });
    }
    await old.db.$disconnect();
    applyMigrations(file, { only: "20261206000000_desk_counts" });
    const upgraded = await testApp({ file });
    try {
      const token = await upgraded.token("viewer");
      const res = await bearer(upgraded.app, token).get(`/api/stories/${story.id}`).expect(200);
      expect(res.body).toMatchObject({ counts: { rumored: 2, confirmed: 1, unverified: 0 }, claimCount: 3, openCount: 2 });
    } finally {
      await upgraded.close();
    }
  });
});
