import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { setDisabled } from "../src/users/accounts.service.ts";
import { createUser } from "../src/users/users.service.ts";
import { csrfFrom, PASSWORD, testApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const ADDRESS = "198.51.100.23";

/** A browser at ADDRESS: sign in, sign out. (The agent attaches cookies when a request is made: read the form first.) */
function browser() {
  const agent = request.agent(t.app);
  const form = async (path: string) => csrfFrom((await agent.get(path).set("X-Forwarded-For", ADDRESS).expect(200)).text);
  const post = (path: string, body: object) => agent.post(path).set("X-Forwarded-For", ADDRESS).type("form").send(body);
  return {
    signIn: async (email: string, password: string) => {
      const _csrf = await form("/login");
      return post("/login", { email, password, _csrf });
    },
    signOut: async () => {
      const _csrf = await form("/claims");
      await post("/logout", { _csrf }).expect(302);
    },
  };
}

describe("sign-in events", () => {
  it("a failed sign-in, a sign-in, a sign-out and a disabled account's attempt are listed for admins, newest first, with who, when, address and outcome", async () => {
    const user = await createUser(t.db, SYSTEM, { email: "traced@example.org", role: "editor", password: PASSWORD });
    const b = browser();
    expect((await b.signIn("  Traced@Example.org", "not the password")).status).toBe(401);
    expect((await b.signIn("traced@example.org", PASSWORD)).status).toBe(302);
    await b.signOut();
    expect((await b.signIn("nobody@example.org", "whatever it is")).status).toBe(401);
    await setDisabled(t.db, SYSTEM, user.id, true);
    expect((await b.signIn("traced@example.org", PASSWORD)).status).toBe(403);

    const admin = await t.signIn("admin");
    const res = await admin.agent.get("/api/users/sign-ins?limit=10").expect(200);
    const mine = res.body.items.filter((e: { address: string }) => e.address === ADDRESS);
    expect(mine.map((e: { outcome: string; email: string; userId: number | null }) => [e.outcome, e.email, e.userId])).toEqual([
      ["disabled", "traced@example.org", user.id],
      ["failed", "nobody@example.org", null],
      ["signed_out", "traced@example.org", user.id],
      ["signed_in", "traced@example.org", user.id],
      ["failed", "traced@example.org", user.id],
    ]);
    expect(Date.parse(mine[0].createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const page = await admin.agent.get("/users/sign-ins?email=traced%40example.org").expect(200);
    expect(page.text).toContain(ADDRESS);
    expect(page.text).toContain("Signed out");
    expect(page.text).not.toContain("nobody@example.org");
    expect((await admin.agent.get("/users").expect(200)).text).toContain('href="/users/sign-ins"');
  });

  it("GET /api/users/sign-ins pages with limit and cursor, without repeats; a bad cursor or limit answers 400/422 JSON", async () => {
    for (let i = 0; i < 3; i++) await t.signIn("viewer");
    const admin = await t.signIn("admin");
    const first = await admin.agent.get("/api/users/sign-ins?limit=2").expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await admin.agent.get(`/api/users/sign-ins?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[1].id);
    expect((await admin.agent.get("/api/users/sign-ins?cursor=garbage").expect(400)).body.error.code).toBe("bad_request");
    expect((await admin.agent.get("/api/users/sign-ins?limit=0").expect(422)).body.error.fields.limit).toBeTruthy();
    expect((await admin.agent.get("/api/users/sign-ins?outcome=maybe").expect(422)).body.error.fields.outcome).toBeTruthy();
  });

  it("editors and viewers get 403 for the sign-in log, page and API", async () => {
    const editor = await t.signIn("editor");
    expect((await editor.agent.get("/api/users/sign-ins").expect(403)).body.error.code).toBe("forbidden");
    await editor.agent.get("/users/sign-ins").expect(403);
    const token = await t.token("viewer");
    await request(t.app).get("/api/users/sign-ins").set("Authorization", `Bearer ${token}`).expect(403);
  });

  it("failed sign-ins are not audit events; a refused spray writes one throttled event a minute per account and address", async () => {
    await createUser(t.db, SYSTEM, { email: "sprayed@example.org", role: "viewer", password: PASSWORD });
    const events = await t.db.auditEvent.count();
    const b = browser();
    for (let i = 0; i < 10; i++) expect((await b.signIn("sprayed@example.org", `guess ${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await b.signIn("sprayed@example.org", `guess more ${i}`)).status).toBe(429);
    expect(await t.db.auditEvent.count()).toBe(events);
    expect(await t.db.signInEvent.count({ where: { email: "sprayed@example.org", outcome: "failed" } })).toBe(10);
    expect(await t.db.signInEvent.count({ where: { email: "sprayed@example.org", outcome: "throttled" } })).toBe(1);
  });
});
