import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { createUser } from "../src/users/users.service.ts";
import type { RoleName } from "../src/roles.ts";
import { csrfFrom, PASSWORD, testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

let n = 0;
/** An account made the way the CLI makes one; each test gets its own email (the throttle counts per email). */
async function account(role: RoleName = "editor") {
  const email = `auth${++n}@example.org`;
  const user = await createUser(t.db, SYSTEM, { email, role, password: PASSWORD });
  return { email, id: user.id };
}

/** A fresh browser on the login page: the agent keeps cookies; csrf is the sign-in form's token. */
async function atLogin() {
  const agent = request.agent(t.app);
  const page = await agent.get("/login").expect(200);
  return { agent, csrf: csrfFrom(page.text) };
}

/** The session id inside the signed claimtrack.sid cookie ("s:<sid>.<signature>"). */
function sessionId(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const value = cookies
    .find((c) => c.startsWith("claimtrack.sid="))
    ?.split(";")[0]!
    .slice("claimtrack.sid=".length);
  if (!value) throw new Error("no session cookie");
  return decodeURIComponent(value).slice(2).split(".")[0]!;
}

const newClaim = { statement: "The board approached Anthropic about a merger.", status: "rumored", confidence: 30 };

describe("signing in and out", () => {
  it("GET /claims without a session redirects to /login?next=%2Fclaims", async () => {
    const res = await request(t.app).get("/claims").expect(302);
    expect(res.headers.location).toBe("/login?next=%2Fclaims");
  });

  it("GET /api/claims without a session answers 401 with a JSON error", async () => {
    const res = await request(t.app).get("/api/claims").expect(401);
    expect(res.body.error.code).toBe("unauthorized");
    expect(res.body.error.message).toBeTruthy();
  });

  it("GET /healthz answers 200 without a session", async () => {
    const res = await request(t.app).get("/healthz").expect(200);
    expect(res.body).toMatchObject({ ok: true, reads: true, writes: true, problems: [] });
  });

  it("POST /login with a wrong password answers 401, says so, keeps the email and signs nobody in", async () => {
    const { email } = await account();
    const { agent, csrf } = await atLogin();
    const res = await agent.post("/login").type("form").send({ email, password: "not the password", _csrf: csrf }).expect(401);
    expect(res.text).toContain("That email and password do not match an account.");
    expect(res.text).toContain(`value="${email}"`);
    expect(res.text).not.toContain("not the password");
    await agent.get("/claims").expect(302);
  });

  it("POST /login with the right password redirects, sets a new httpOnly session cookie stored in the Session table, and the header names the user", async () => {
    const { email } = await account();
    const { agent, csrf } = await atLogin();
    const res = await agent.post("/login").type("form").send({ email, password: PASSWORD, _csrf: csrf }).expect(302);
    expect(res.headers.location).toBe("/");
    const cookie = ([] as string[]).concat(res.headers["set-cookie"] ?? []).find((c) => c.startsWith("claimtrack.sid="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const sid = sessionId(res);
    const row = await t.db.session.findUnique({ where: { sid } });
    expect(JSON.parse(row!.data).userId).toBeTypeOf("number");
    const page = await agent.get("/claims").expect(200);
    expect(page.text).toMatch(new RegExp(`<a href="/account" class="nav-user"[^>]*><span class="visually-hidden">Account: </span>${email}</a>`));
  });

  it("POST /logout with the CSRF token ends the session and deletes its row", async () => {
    const { email } = await account();
    const { agent, csrf } = await atLogin();
    const login = await agent.post("/login").type("form").send({ email, password: PASSWORD, _csrf: csrf }).expect(302);
    const sid = sessionId(login);
    const page = await agent.get("/claims").expect(200);
    const out = await agent
      .post("/logout")
      .type("form")
      .send({ _csrf: csrfFrom(page.text) })
      .expect(302);
    expect(out.headers.location).toBe("/login?signed-out=1");
    expect(await t.db.session.findUnique({ where: { sid } })).toBeNull();
    await agent.get("/claims").expect(302);
    await agent.get("/api/claims").expect(401);
  });

  it("POST /logout leads to a sign-in page that says “You are signed out.”, and stores no session for it", async () => {
    const { email } = await account();
    const { agent, csrf } = await atLogin();
    await agent.post("/login").type("form").send({ email, password: PASSWORD, _csrf: csrf }).expect(302);
    const page = await agent.get("/claims").expect(200);
    const out = await agent
      .post("/logout")
      .type("form")
      .send({ _csrf: csrfFrom(page.text) })
      .expect(302);
    const before = await t.db.session.count();
    const login = await agent.get(out.headers.location!).expect(200);
    expect(login.text).toContain("You are signed out.");
    expect(([] as string[]).concat(login.headers["set-cookie"] ?? []).some((c) => c.startsWith("claimtrack.sid="))).toBe(false);
    expect(await t.db.session.count()).toBe(before);
    expect((await agent.get("/login").expect(200)).text).not.toContain("You are signed out.");
  });

  it("GET /login shows journalists no shell command (the first-run hint is in the server's log and the README)", async () => {
    const res = await request(t.app).get("/login").expect(200);
    expect(res.text).toContain("Accounts are created by an administrator.");
    expect(res.text).not.toMatch(/npm run|<code>/);
  });

  it("POST /login without a CSRF token answers 403 and signs nobody in", async () => {
    const { email } = await account();
    const { agent } = await atLogin();
    const res = await agent.post("/login").type("form").send({ email, password: PASSWORD }).expect(403);
    expect(res.text).toContain("This form has expired");
    await agent.get("/claims").expect(302);
  });

  it("POST /login with next=//evil.example or another off-site next redirects to this site only, and keeps a local next", async () => {
    for (const next of ["//evil.example", "https://evil.example/", "/\\evil.example", "/claims?status=rumored"]) {
      const { email } = await account();
      const { agent, csrf } = await atLogin();
      const res = await agent.post("/login").type("form").send({ email, password: PASSWORD, next, _csrf: csrf }).expect(302);
      expect(new URL(res.headers.location!, "http://claimtrack.test").host, next).toBe("claimtrack.test");
      expect(res.headers.location, next).toBe(next.startsWith("/claims") ? next : "/");
    }
    const form = await request(t.app).get("/login?next=%2F%2Fevil.example").expect(200);
    expect(form.text).toContain('name="next" value="/"');
  });

  it("POST /login after ten wrong passwords answers 429 even with the right one, for that email only", async () => {
    const { email } = await account();
    const other = await account();
    const { agent, csrf } = await atLogin();
    for (let i = 0; i < 10; i++) {
      await agent
        .post("/login")
        .type("form")
        .send({ email, password: `wrong ${i}`, _csrf: csrf })
        .expect(401);
    }
    const res = await agent.post("/login").type("form").send({ email, password: PASSWORD, _csrf: csrf }).expect(429);
    expect(res.text).toContain("Too many failed sign-ins for this account. Wait 15 minutes and try again.");
    expect(res.text).toContain(`value="${email}"`);
    await agent.get("/claims").expect(302);
    await agent.post("/login").type("form").send({ email: other.email, password: PASSWORD, _csrf: csrf }).expect(302);
  });

  it("createUser stores the password as an argon2id hash, never as given", async () => {
    const { id } = await account();
    const row = await t.db.user.findUniqueOrThrow({ where: { id } });
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });
});

describe("CSRF and API authentication", () => {
  let editor: { agent: Agent; csrf: string };
  beforeAll(async () => {
    editor = await t.signIn("editor");
  });

  it("POST /api/claims with the session cookie and no or a wrong X-CSRF-Token answers 403 and writes nothing", async () => {
    const before = await t.db.claim.count();
    await editor.agent.post("/api/claims").send(newClaim).expect(403);
    const res = await editor.agent.post("/api/claims").set("x-csrf-token", "forged").send(newClaim).expect(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(await t.db.claim.count()).toBe(before);
  });

  it("POST /claims (the form) with the session cookie and a wrong _csrf answers 403 and writes nothing", async () => {
    const before = await t.db.claim.count();
    await editor.agent
      .post("/claims")
      .type("form")
      .send({ ...newClaim, _csrf: "forged" })
      .expect(403);
    await editor.agent.post("/claims").type("form").send(newClaim).expect(403);
    expect(await t.db.claim.count()).toBe(before);
  });

  it("POST /api/claims with the session cookie and its X-CSRF-Token creates the claim", async () => {
    const res = await editor.agent.post("/api/claims").set("x-csrf-token", editor.csrf).send(newClaim).expect(201);
    expect(await t.db.claim.findUnique({ where: { id: res.body.id } })).not.toBeNull();
  });

  it("an editor's bearer token reads and writes the API without any CSRF token", async () => {
    const token = await t.token("editor");
    await request(t.app).get("/api/claims").set("Authorization", `Bearer ${token}`).expect(200);
    const res = await request(t.app).post("/api/claims").set("Authorization", `Bearer ${token}`).send(newClaim).expect(201);
    const event = await t.db.auditEvent.findFirst({ where: { subjectType: "claim", subjectId: res.body.id, action: "claim.create" } });
    expect(event?.actorLabel).toMatch(/^editor-api\d+@example\.org$/);
  });

  it("an unknown or malformed bearer token answers 401 JSON, even with a valid session cookie", async () => {
    for (const header of ["Bearer ct_not-a-real-token", "Bearer", "Basic dXNlcjpwYXNz"]) {
      const res = await request(t.app).get("/api/claims").set("Authorization", header).expect(401);
      expect(res.body.error.code, header).toBe("unauthorized");
    }
    await editor.agent.get("/api/claims").set("Authorization", "Bearer ct_forged").expect(401);
  });
});

describe("viewers read only", () => {
  it("GET /claims shows a viewer no New claim link (an editor sees one)", async () => {
    const viewer = await t.signIn("viewer");
    const editor = await t.signIn("editor");
    expect((await viewer.agent.get("/claims").expect(200)).text).not.toContain('href="/claims/new"');
    expect((await editor.agent.get("/claims").expect(200)).text).toContain('href="/claims/new"');
  });

  it("POST /api/claims with a viewer's token or session answers 403 and writes nothing", async () => {
    const before = await t.db.claim.count();
    const token = await t.token("viewer");
    const res = await request(t.app).post("/api/claims").set("Authorization", `Bearer ${token}`).send(newClaim).expect(403);
    expect(res.body.error.code).toBe("forbidden");
    const viewer = await t.signIn("viewer");
    await viewer.agent.post("/api/claims").set("x-csrf-token", viewer.csrf).send(newClaim).expect(403);
    expect(await t.db.claim.count()).toBe(before);
  });

  it("POST /claims (the form) from a viewer with a valid CSRF token answers 403 and writes nothing", async () => {
    const before = await t.db.claim.count();
    const viewer = await t.signIn("viewer");
    const res = await viewer.agent
      .post("/claims")
      .type("form")
      .send({ ...newClaim, _csrf: viewer.csrf })
      .expect(403);
    expect(res.text).toContain("This needs the Editor role");
    expect(await t.db.claim.count()).toBe(before);
  });
});

describe("the admin page /users", () => {
  it("GET and POST /users answer 403 to an editor and write nothing", async () => {
    const editor = await t.signIn("editor");
    const before = await t.db.user.count();
    await editor.agent.get("/users").expect(403);
    await editor.agent.get("/users/new").expect(403);
    await editor.agent.post("/users").type("form").send({ _csrf: editor.csrf, email: "sneaky@example.org", role: "admin", password: PASSWORD }).expect(403);
    await editor.agent.post(`/users/${editor.id}/role`).type("form").send({ _csrf: editor.csrf, role: "admin" }).expect(403);
    expect(await t.db.user.count()).toBe(before);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("editor");
  });

  it("GET /users lists the accounts with a role form each, and the nav links to it for admins only", async () => {
    const admin = await t.signIn("admin");
    const { email } = await account("viewer");
    const page = await admin.agent.get("/users").expect(200);
    expect(page.text).toContain(email);
    expect(page.text).toContain('href="/users/new"');
    expect(page.text).toMatch(/<form method="post" action="\/users\/\d+\/role"/);
    expect(page.text).toContain('href="/users"');
    const editor = await t.signIn("editor");
    expect((await editor.agent.get("/claims").expect(200)).text).not.toContain('href="/users"');
  });

  it("POST /users adds the user with an argon2id hash, audits user.create, and the new user can sign in", async () => {
    const admin = await t.signIn("admin");
    await admin.agent.get("/users/new").expect(200);
    const res = await admin.agent
      .post("/users")
      .type("form")
      .send({ _csrf: admin.csrf, email: " New.Editor@Example.org ", name: "Nadia Editor", role: "editor", password: "a long enough password" })
      .expect(302);
    expect(res.headers.location).toBe("/users");
    const page = await admin.agent.get("/users").expect(200);
    expect(page.text).toContain("Added new.editor@example.org as Editor.");
    expect(page.text).toContain("Nadia Editor");
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "new.editor@example.org" } });
    expect(user.role).toBe("editor");
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    const event = await t.db.auditEvent.findFirst({ where: { action: "user.create", subjectType: "user", subjectId: user.id } });
    expect(event?.actorLabel).toBe(admin.email);
    const { agent, csrf } = await atLogin();
    await agent.post("/login").type("form").send({ email: "new.editor@example.org", password: "a long enough password", _csrf: csrf }).expect(302);
  });

  it("POST /users with a bad email and a short password answers 422 with both messages, keeps email and name but not the password, and writes nothing", async () => {
    const admin = await t.signIn("admin");
    const before = await t.db.user.count();
    const res = await admin.agent
      .post("/users")
      .type("form")
      .send({ _csrf: admin.csrf, email: "not-an-email", name: "Kept Name", role: "editor", password: "short-pw-x" })
      .expect(422);
    expect(res.text).toContain("Must be an email address");
    expect(res.text).toContain("Passwords need at least 12 characters.");
    expect(res.text).toContain('value="not-an-email"');
    expect(res.text).toContain('value="Kept Name"');
    expect(res.text).not.toContain("short-pw-x");
    expect(res.text).toContain('href="#field-email"');
    expect(await t.db.user.count()).toBe(before);
  });

  it("POST /users with an email already taken answers 422 and writes nothing", async () => {
    const admin = await t.signIn("admin");
    const { email } = await account();
    const before = await t.db.auditEvent.count();
    const res = await admin.agent.post("/users").type("form").send({ _csrf: admin.csrf, email, role: "viewer", password: PASSWORD }).expect(422);
    expect(res.text).toContain("A user with this email already exists.");
    expect(await t.db.auditEvent.count()).toBe(before);
  });

  it("POST /users/:id/role changes the role, audits user.role with before and after, and the user's rights follow", async () => {
    const admin = await t.signIn("admin");
    const editor = await t.signIn("editor");
    const res = await admin.agent.post(`/users/${editor.id}/role`).type("form").send({ _csrf: admin.csrf, role: "viewer" }).expect(302);
    expect(res.headers.location).toBe("/users");
    expect((await admin.agent.get("/users").expect(200)).text).toContain(`${editor.email} is now Viewer.`);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("viewer");
    const event = await t.db.auditEvent.findFirst({ where: { action: "user.role", subjectId: editor.id } });
    expect(JSON.parse(event!.changes)).toEqual({ role: ["editor", "viewer"] });
    expect(event?.actorLabel).toBe(admin.email);
    await editor.agent.post("/api/claims").set("x-csrf-token", editor.csrf).send(newClaim).expect(403);
  });

  it("POST /users/:id/role with an unknown role answers 422 beside that user's row; a garbage or unknown id answers 404", async () => {
    const admin = await t.signIn("admin");
    const { id } = await account("viewer");
    const res = await admin.agent.post(`/users/${id}/role`).type("form").send({ _csrf: admin.csrf, role: "owner" }).expect(422);
    expect(res.text).toContain("Role must be viewer, editor or admin.");
    expect(res.text).toContain(`href="#field-role-${id}"`);
    expect((await t.db.user.findUniqueOrThrow({ where: { id } })).role).toBe("viewer");
    await admin.agent.post("/users/abc/role").type("form").send({ _csrf: admin.csrf, role: "editor" }).expect(404);
    await admin.agent.post("/users/999999/role").type("form").send({ _csrf: admin.csrf, role: "editor" }).expect(404);
  });

  it("POST /users/:id/role demoting the only admin answers 422 with a message and changes nothing", async () => {
    const solo = await testApp(); // a database whose one admin is this one
    try {
      const admin = await solo.signIn("admin");
      const res = await admin.agent.post(`/users/${admin.id}/role`).type("form").send({ _csrf: admin.csrf, role: "editor" }).expect(422);
      expect(res.text).toContain("This is the last admin; make another user admin first.");
      expect((await solo.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
      expect(await solo.db.auditEvent.count({ where: { action: "user.role" } })).toBe(0);
    } finally {
      await solo.close();
    }
  });
});
