import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { issueToken } from "../src/users/users.service.ts";
import { bearer, csrfFrom, PASSWORD, testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let admin: { agent: Agent; csrf: string; email: string; id: number };
beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn("admin");
});
afterAll(() => t.close());

let n = 0;
/** A user with a session (an agent) and two API tokens. */
async function colleague() {
  const signedIn = await t.signIn("editor", `colleague${++n}@example.org`);
  const tokens = [await issueToken(t.db, SYSTEM, signedIn.email), await issueToken(t.db, SYSTEM, signedIn.email)];
  const ids = (await t.db.apiToken.findMany({ where: { userId: signedIn.id }, orderBy: { id: "asc" } })).map((r) => r.id);
  return { ...signedIn, tokens, tokenIds: ids };
}

/** A sign-in from a new browser: its status, page and cookies. */
async function signInAs(email: string, password: string) {
  const agent = request.agent(t.app);
  const csrf = csrfFrom((await agent.get("/login").expect(200)).text);
  const res = await agent.post("/login").type("form").send({ email, password, _csrf: csrf });
  return { status: res.status, text: res.text, agent };
}

describe("disabling an account", () => {
  it("POST /users/:id/disable ends the user's session and refuses their tokens and password at once, audited; enable restores password and tokens", async () => {
    const c = await colleague();
    const res = await admin.agent.post(`/users/${c.id}/disable`).type("form").send({ _csrf: admin.csrf }).expect(302);
    expect(res.headers.location).toBe(`/users/${c.id}`);
    await c.agent.get("/api/claims").expect(401);
    await c.agent.get("/claims").expect(302);
    await bearer(t.app, c.tokens[0]!).get("/api/claims").expect(401);
    expect(await t.db.session.count({ where: { userId: c.id } })).toBe(0);
    const refused = await signInAs(c.email, PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("This account is disabled.");
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.disable", subjectId: c.id } });
    expect(event.actorLabel).toBe(admin.email);
    expect(JSON.parse(event.changes)).toEqual({ disabled: [false, true] });
    expect((await admin.agent.get(`/users/${c.id}`).expect(200)).text).toContain("Disabled");

    await admin.agent.post(`/users/${c.id}/enable`).type("form").send({ _csrf: admin.csrf }).expect(302);
    await bearer(t.app, c.tokens[0]!).get("/api/claims").expect(200);
    expect((await signInAs(c.email, PASSWORD)).status).toBe(302);
    expect(await t.db.auditEvent.count({ where: { action: "user.enable", subjectId: c.id } })).toBe(1);
  });

  it("an admin cannot disable their own account (the only admin here); nothing is written", async () => {
    const solo = await testApp();
    try {
      const only = await solo.signIn("admin");
      const res = await only.agent.post(`/users/${only.id}/disable`).type("form").send({ _csrf: only.csrf }).expect(422);
      expect(res.text).toContain("You cannot disable your own account");
      expect((await solo.db.user.findUniqueOrThrow({ where: { id: only.id } })).disabledAt).toBeNull();
      expect(await solo.db.auditEvent.count({ where: { action: "user.disable" } })).toBe(0);
    } finally {
      await solo.close();
    }
  });
});

describe("API tokens", () => {
  it("the user's page lists tokens with issue and last-use times; revoking one refuses it at once and keeps the other; revoke all ends both", async () => {
    const c = await colleague();
    await bearer(t.app, c.tokens[0]!).get("/api/claims").expect(200);
    const page = await admin.agent.get(`/users/${c.id}`).expect(200);
    expect(page.text).toContain(`#${c.tokenIds[0]}`);
    expect(page.text).toContain("Never"); // the second was never used

    await admin.agent.post(`/users/${c.id}/tokens/${c.tokenIds[0]}/revoke`).type("form").send({ _csrf: admin.csrf }).expect(302);
    await bearer(t.app, c.tokens[0]!).get("/api/claims").expect(401);
    await bearer(t.app, c.tokens[1]!).get("/api/claims").expect(200);
    const one = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.token.revoke", subjectId: c.id } });
    expect(JSON.parse(one.changes)).toEqual({ revokedTokens: [[], [`#${c.tokenIds[0]}`]] });

    await admin.agent.post(`/users/${c.id}/tokens/revoke`).type("form").send({ _csrf: admin.csrf }).expect(302);
    await bearer(t.app, c.tokens[1]!).get("/api/claims").expect(401);
    expect(await t.db.apiToken.count({ where: { userId: c.id, revokedAt: null } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "user.token.revoke", subjectId: c.id } })).toBe(2);
  });

  it("revoking another user's token id answers 404 and revokes nothing", async () => {
    const a = await colleague();
    const b = await colleague();
    await admin.agent.post(`/users/${a.id}/tokens/${b.tokenIds[0]}/revoke`).type("form").send({ _csrf: admin.csrf }).expect(404);
    await bearer(t.app, b.tokens[0]!).get("/api/claims").expect(200);
  });
});

describe("passwords", () => {
  it("POST /account/password with the current password changes it, keeps this session, ends the others, and is audited", async () => {
    const c = await colleague();
    const { agent: other } = await signInAs(c.email, PASSWORD);
    await other.get("/api/claims").expect(200);

    const form = csrfFrom((await c.agent.get("/account").expect(200)).text);
    const fresh = "new staple horse correct battery";
    await c.agent.post("/account/password").type("form").send({ _csrf: form, current: PASSWORD, password: fresh, confirm: fresh }).expect(302);
    expect((await c.agent.get("/account").expect(200)).text).toContain("Your password is changed.");
    await other.get("/api/claims").expect(401);
    expect((await signInAs(c.email, PASSWORD)).status).toBe(401);
    expect((await signInAs(c.email, fresh)).status).toBe(302);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.password", subjectId: c.id } });
    expect(event.actorLabel).toBe(c.email);
    expect(event.changes).not.toContain(fresh);
  });

  it("POST /account/password with a wrong current password or differing new ones answers 422 with the reason and changes nothing", async () => {
    const c = await colleague();
    const csrf = csrfFrom((await c.agent.get("/account").expect(200)).text);
    const fresh = "another fine long passphrase";
    const wrong = await c.agent
      .post("/account/password")
      .type("form")
      .send({ _csrf: csrf, current: "not it at all", password: fresh, confirm: fresh })
      .expect(422);
    expect(wrong.text).toContain("That is not your current password.");
    const differ = await c.agent
      .post("/account/password")
      .type("form")
      .send({ _csrf: csrf, current: PASSWORD, password: fresh, confirm: fresh + "!" })
      .expect(422);
    expect(differ.text).toContain("The two new passwords are not the same.");
    expect((await signInAs(c.email, PASSWORD)).status).toBe(302);
  });

  it("common passwords, only spaces, a NUL or the email are refused in words when adding a user or setting a password", async () => {
    const email = "policy@example.org";
    const cases: [string, string][] = [
      ["passwordpassword", "one of the most common passwords"],
      ["  QWERTY123456 ", "one of the most common passwords"],
      ["qwertyqwertyqwerty", "one of the most common passwords"],
      ["              ", "A password cannot be only spaces."],
      ["a long password\0here", "A password cannot contain the NUL character."],
      ["Policy@Example.org", "A password cannot be the account's email address."],
    ];
    for (const [password, message] of cases) {
      const res = await admin.agent.post("/users").type("form").send({ _csrf: admin.csrf, email, role: "viewer", password });
      expect(res.status, JSON.stringify(password)).toBe(422);
      expect(res.text, JSON.stringify(password)).toContain(message.replace("'", "&#39;"));
    }
    expect(await t.db.user.count({ where: { email } })).toBe(0);
    const c = await colleague();
    const res = await admin.agent.post(`/users/${c.id}/password`).type("form").send({ _csrf: admin.csrf, password: "iloveyouiloveyou" }).expect(422);
    expect(res.text).toContain("one of the most common passwords");
    expect((await signInAs(c.email, PASSWORD)).status).toBe(302);
  });

  it("POST /users/:id/password sets a new password: their sessions end, the new one signs in, audited as the admin", async () => {
    const c = await colleague();
    const fresh = "handed over by phone today";
    await admin.agent.post(`/users/${c.id}/password`).type("form").send({ _csrf: admin.csrf, password: fresh }).expect(302);
    await c.agent.get("/api/claims").expect(401);
    expect((await signInAs(c.email, fresh)).status).toBe(302);
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.password", subjectId: c.id } })).actorLabel).toBe(admin.email);
  });
});

describe("only admins manage accounts", () => {
  it("an editor gets 403 on a user's page and every account action, and nothing changes", async () => {
    const editor = await t.signIn("editor");
    const c = await colleague();
    await editor.agent.get(`/users/${c.id}`).expect(403);
    for (const path of ["disable", `tokens/${c.tokenIds[0]}/revoke`, "tokens/revoke", "password"]) {
      await editor.agent.post(`/users/${c.id}/${path}`).type("form").send({ _csrf: editor.csrf, password: "a fine new passphrase" }).expect(403);
    }
    await bearer(t.app, c.tokens[0]!).get("/api/claims").expect(200);
    await c.agent.get("/api/claims").expect(200);
  });
});
