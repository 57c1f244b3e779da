import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";

// The chart's daily status counts are kept by triggers; the audit log is
// their definition: every event that set a claim's status adds one to the
// new status and takes one from the old, on the event's UTC day.

let t: TestApp;
let api: ReturnType<typeof bearer>;

beforeAll(async () => {
  t = await testApp();
  api = bearer(t.app, await t.token("editor"));
});
afterAll(() => t.close());

/** The net change per day and status as the audit log tells it, counted here from its events. */
async function fromAuditLog() {
  const net = new Map<string, number>();
  const add = (day: string, status: unknown, delta: number) => {
    if (typeof status === "string") net.set(`${day} ${status}`, (net.get(`${day} ${status}`) ?? 0) + delta);
  };
  const events = await t.db.auditEvent.findMany({ where: { action: { in: ["claim.create", "claim.status", "claim.resolve", "claim.reopen"] } } });
  for (const e of events) {
    const moved = (JSON.parse(e.changes) as { status?: [unknown, unknown] }).status;
    const day = e.createdAt.toISOString().slice(0, 10);
    add(day, moved?.[1], 1);
    if (e.action !== "claim.create") add(day, moved?.[0], -1);
  }
  return [...net]
    .filter(([, delta]) => delta !== 0)
    .map(([key, delta]) => ({ day: key.split(" ")[0]!, status: key.split(" ")[1]!, delta }))
    .sort((x, y) => x.day.localeCompare(y.day) || x.status.localeCompare(y.status));
}

const kept = async () =>
  (await t.db.claimStatusDay.findMany({ where: { delta: { not: 0 } }, orderBy: [{ day: "asc" }, { status: "asc" }] })).map(({ day, status, delta }) => ({
    day,
    status,
    delta,
  }));

describe("ClaimStatusDay", () => {
  it("after creating, reclassifying, resolving and reopening claims through the API, holds what the audit log says, and the dashboard charts it", async () => {
    const source = (await api.post("/api/sources", { title: "A statement" }).expect(201)).body;
    const ids: number[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await api.post("/api/claims", { statement: `Claim ${i}`, status: i % 2 ? "rumored" : "unverified" }).expect(201)).body.id);
    await api.patch(`/api/claims/${ids[0]}`, { version: 1, status: "rumored", reason: "Reported by two outlets." }).expect(200);
    await api.post(`/api/claims/${ids[1]}/resolution`, { outcome: "confirmed", note: "Confirmed.", sourceIds: [source.id] }).expect(200);
    await api.post(`/api/claims/${ids[2]}/resolution`, { outcome: "false", note: "Denied.", sourceIds: [source.id] }).expect(200);
    await api.post(`/api/claims/${ids[2]}/reopen`, { status: "rumored", reason: "New reports." }).expect(200);

    const today = new Date().toISOString().slice(0, 10);
    expect(await kept()).toEqual(await fromAuditLog());
    // claims 0, 2 and 3 end rumored, claim 1 confirmed; unverified nets to zero
    expect(await kept()).toEqual([
      { day: today, status: "confirmed", delta: 1 },
      { day: today, status: "rumored", delta: 3 },
    ]);

    const page = await (await t.signIn("viewer")).agent.get("/").expect(200);
    expect(page.text).toContain(today);
  });
});
