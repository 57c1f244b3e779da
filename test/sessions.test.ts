import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfFrom, PASSWORD, testApp, type TestApp } from "./helpers/app.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { createUser } from "../src/users/users.service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const cookiesOf = (res: request.Response) => ([] as string[]).concat(res.headers["set-cookie"] ?? []);

describe("sessions are stored for signed-in browsers only", () => {
  it("200 anonymous GETs of pages, the sign-in form and the API store no session and set no session cookie", async () => {
    const before = await t.db.session.count();
    const paths = ["/login", "/", "/claims", "/login?next=%2Fclaims", "/api/claims", "/healthz", "/no-such-page", "/audit"];
    for (let i = 0; i < 200; i++) {
      const res = await request(t.app).get(paths[i % paths.length]!);
      expect(
        cookiesOf(res).some((c) => c.startsWith("claimtrack.sid=")),
        paths[i % paths.length],
      ).toBe(false);
    }
    expect(await t.db.session.count()).toBe(before);
  });

  it("200 bearer-token API calls store no session and answer without any Set-Cookie", async () => {
    const token = await t.token("editor");
    const before = await t.db.session.count();
    for (let i = 0; i < 200; i++) {
      const res = await request(t.app)
        .get(i % 2 ? "/api/claims" : "/api/sources")
        .set("Authorization", `Bearer ${token}`)
        .expect(200);
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    const write = await request(t.app).post("/api/sources").set("Authorization", `Bearer ${token}`).send({ title: "A token's source" }).expect(201);
    expect(write.headers["set-cookie"]).toBeUndefined();
    expect(await t.db.session.count()).toBe(before);
  });

  it("a failed sign-in stores no session; a successful one stores exactly one, naming its user", async () => {
    await createUser(t.db, SYSTEM, { email: "one@example.org", role: "viewer", password: PASSWORD });
    const agent = request.agent(t.app);
    const csrf = csrfFrom((await agent.get("/login").expect(200)).text);
    const before = await t.db.session.count();
    await agent.post("/login").type("form").send({ email: "one@example.org", password: "not the password", _csrf: csrf }).expect(401);
    expect(await t.db.session.count()).toBe(before);
    await agent.post("/login").type("form").send({ email: "one@example.org", password: PASSWORD, _csrf: csrf }).expect(302);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "one@example.org" } });
    expect(await t.db.session.count()).toBe(before + 1);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("page views of a signed-in browser within minutes neither rewrite its session nor send a new cookie", async () => {
    const { agent, id } = await t.signIn("viewer"); // signIn has viewed one page already
    const row = await t.db.session.findFirstOrThrow({ where: { userId: id } });
    for (let i = 0; i < 5; i++) {
      const res = await agent.get(i % 2 ? "/claims" : "/api/claims").expect(200);
      expect(cookiesOf(res).some((c) => c.startsWith("claimtrack.sid="))).toBe(false);
    }
    expect(await t.db.session.findUniqueOrThrow({ where: { sid: row.sid } })).toEqual(row);
  });
});

describe("the sign-in form's CSRF token lives in a signed cookie", () => {
  it("POST /login answers 403 without the cookie, with another browser's token, or with a pair we did not sign", async () => {
    await createUser(t.db, SYSTEM, { email: "csrf@example.org", role: "viewer", password: PASSWORD });
    const mine = request.agent(t.app);
    const myToken = csrfFrom((await mine.get("/login").expect(200)).text);
    const theirs = csrfFrom((await request(t.app).get("/login").expect(200)).text);
    const form = { email: "csrf@example.org", password: PASSWORD };
    await request(t.app)
      .post("/login")
      .type("form")
      .send({ ...form, _csrf: myToken })
      .expect(403);
    await mine
      .post("/login")
      .type("form")
      .send({ ...form, _csrf: theirs })
      .expect(403);
    const forged = "made-up.signature";
    await request(t.app)
      .post("/login")
      .set("Cookie", `claimtrack.login=${forged}`)
      .type("form")
      .send({ ...form, _csrf: forged })
      .expect(403);
    await mine
      .post("/login")
      .type("form")
      .send({ ...form, _csrf: myToken })
      .expect(302);
  });
});

describe("API tokens", () => {
  it("the first call with a token sets its lastUsedAt; calls minutes apart do not write it again", async () => {
    const token = await t.token("viewer");
    const row = await t.db.apiToken.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row.lastUsedAt).toBeNull();
    await request(t.app).get("/api/claims").set("Authorization", `Bearer ${token}`).expect(200);
    const used = (await t.db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt;
    expect(used).toBeInstanceOf(Date);
    await request(t.app).get("/api/claims").set("Authorization", `Bearer ${token}`).expect(200);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(used);
  });
});
