// The interface in English and French: the account's choice, the sign-in
// page's links, Accept-Language; pages and their messages follow, the JSON
// API answers in English.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { translate } from "../src/i18n/i18n.ts";
import { faultAnswer } from "../src/sqlite/faults.ts";
import { noteWriter } from "../src/sqlite/writer-note.ts";
import { bearer, csrfFrom, PASSWORD, testApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const lang = (html: string) => /<html lang="(\w+)">/.exec(html)?.[1];

describe("the account's language", () => {
  it("POST /account/language fr saves it, says so in French, and every page follows it whatever the browser asks", async () => {
    const me = await t.signIn("admin");
    const res = await me.agent.post("/account/language").type("form").send({ locale: "fr", _csrf: me.csrf }).expect(302);
    expect(res.headers.location).toBe("/account");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: me.id } })).locale).toBe("fr");
    const account = await me.agent.get("/account").set("Accept-Language", "en").expect(200);
    expect(lang(account.text)).toBe("fr");
    expect(account.text).toContain("Langue enregistrée : Français.");
    expect(account.text).toContain("Changer votre mot de passe");
    expect(account.text).toMatch(/<input type="radio" name="locale" value="fr" checked>/);
    const users = await me.agent.get("/users").set("Accept-Language", "en").expect(200);
    expect(users.text).toContain("<h1>Utilisateurs</h1>");
    expect(users.text).toContain("Ajouter un utilisateur");
  });

  it("POST /account/language is audited as user.locale with before → after; the same choice again writes no event", async () => {
    const me = await t.signIn("editor");
    const events = () => t.db.auditEvent.findMany({ where: { subjectType: "user", subjectId: me.id, action: "user.locale" } });
    await me.agent.post("/account/language").type("form").send({ locale: "fr", _csrf: me.csrf }).expect(302);
    await me.agent.post("/account/language").type("form").send({ locale: "fr", _csrf: me.csrf }).expect(302);
    const [event, ...more] = await events();
    expect(more).toEqual([]);
    expect(JSON.parse(event!.changes)).toEqual({ locale: [null, "fr"] });
    expect(event!.actorId).toBe(me.id);
    await me.agent.post("/account/language").type("form").send({ locale: "", _csrf: me.csrf }).expect(302);
    expect((await events()).map((e) => JSON.parse(e.changes))).toEqual([{ locale: [null, "fr"] }, { locale: ["fr", null] }]);
  });

  it("POST /account/language with '' goes back to the browser's language; with 'de' it answers 422 and keeps the choice", async () => {
    const me = await t.signIn("viewer");
    await me.agent.post("/account/language").type("form").send({ locale: "fr", _csrf: me.csrf }).expect(302);
    const bad = await me.agent.post("/account/language").type("form").send({ locale: "de", _csrf: me.csrf }).expect(422);
    expect(bad.text).toContain("Choisissez English, Français ou Automatique.");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: me.id } })).locale).toBe("fr");
    await me.agent.post("/account/language").type("form").send({ locale: "", _csrf: me.csrf }).expect(302);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: me.id } })).locale).toBeNull();
    const page = await me.agent.get("/account").set("Accept-Language", "en-GB").expect(200);
    expect(lang(page.text)).toBe("en");
    expect(page.text).toContain("Language saved: automatic (your browser&#39;s language).");
    expect(lang((await me.agent.get("/account").set("Accept-Language", "fr").expect(200)).text)).toBe("fr");
  });
});

describe("the browser's language", () => {
  it.each([
    ["fr-CA", "fr"],
    ["fr", "fr"],
    ["de", "en"],
    ["de-DE, fr;q=0.8, en;q=0.5", "fr"],
    ["en;q=0.9, fr;q=0.4", "en"],
    ["", "en"],
  ])("GET /login with Accept-Language %j is in %s", async (header, expected) => {
    const res = await request(t.app).get("/login").set("Accept-Language", header).expect(200);
    expect(lang(res.text)).toBe(expected);
    expect(res.text).toContain(expected === "fr" ? "<h1>Se connecter</h1>" : "<h1>Sign in</h1>");
  });

  it("the sign-in page's Français link keeps French in a cookie, over Accept-Language, until the account chooses", async () => {
    const browser = request.agent(t.app);
    const res = await browser.get("/language/fr").query({ next: "/login?next=%2Fusers" }).expect(302);
    expect(res.headers.location).toBe("/login?next=%2Fusers");
    expect(String(res.headers["set-cookie"])).toMatch(/claimtrack\.lang=fr;.*HttpOnly/);
    const login = await browser.get("/login").set("Accept-Language", "en").expect(200);
    expect(lang(login.text)).toBe("fr");
    const failed = await browser
      .post("/login")
      .set("Accept-Language", "en")
      .type("form")
      .send({ email: "nobody@example.org", password: "wrong", _csrf: csrfFrom(login.text) })
      .expect(401);
    expect(failed.text).toContain("Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.");
    // an account's own choice wins over the cookie
    const me = await t.signIn("editor");
    await me.agent.post("/account/language").type("form").send({ locale: "en", _csrf: me.csrf }).expect(302);
    expect(lang((await me.agent.get("/account").set("Cookie", "claimtrack.lang=fr").expect(200)).text)).toBe("en");
  });

  it("GET /language/de answers 404, and a next= pointing off the site goes home instead", async () => {
    await request(t.app).get("/language/de").expect(404);
    expect((await request(t.app).get("/language/en").query({ next: "//evil.example" }).expect(302)).headers.location).toBe("/");
  });
});

describe("pages and messages in French", () => {
  it("GET of a page that does not exist under Accept-Language: fr is a French 404 page", async () => {
    const me = await t.signIn("viewer");
    const res = await me.agent.get("/nowhere").set("Accept-Language", "fr").expect(404);
    expect(lang(res.text)).toBe("fr");
    expect(res.text).toContain("<h1>Introuvable</h1>");
    expect(res.text).toContain("Cette page : introuvable.");
  });

  it("POST /users with a name too long shows the shared length message in French, with French numbers", async () => {
    const admin = await t.signIn("admin");
    const res = await admin.agent
      .post("/users")
      .set("Accept-Language", "fr")
      .type("form")
      .send({ email: "long.name@example.org", name: "n".repeat(1201), role: "editor", password: PASSWORD, _csrf: admin.csrf })
      .expect(422);
    expect(res.text).toContain("120 caractères au plus ; ce texte en compte 1\u202f201.");
    expect(res.text).toContain("Veuillez corriger ce champ");
    expect(await t.db.user.count({ where: { email: "long.name@example.org" } })).toBe(0);
  });

  it("a viewer's POST /claims under fr is refused in French, naming the roles in French", async () => {
    const viewer = await t.signIn("viewer");
    const res = await viewer.agent.post("/claims").set("Accept-Language", "fr").type("form").send({ statement: "x", _csrf: viewer.csrf }).expect(403);
    expect(res.text).toContain("Il faut le rôle Éditeur ; votre rôle est Lecteur.");
  });

  // the import's note sits beside a SQLite file; on PostgreSQL the message names another server
  it.runIf(inject("engine") === "sqlite")(
    "a write the database cannot take during an import says why in the reader's language, with the import's start time",
    () => {
      const done = noteWriter(t.file, "an import");
      try {
        const answer = faultAnswer({ code: "SQLITE_BUSY" }, t.file)!;
        const time = new Date().toISOString().slice(11, 16);
        expect(String(answer.message)).toContain(`The database is busy: an import is running (since ${time} UTC). Nothing was saved.`);
        expect(translate("fr", answer.message)).toContain(
          `La base de données est occupée : une importation est en cours (depuis ${time} UTC). Rien n’a été enregistré.`,
        );
      } finally {
        done();
      }
    },
  );
});

describe("the JSON API", () => {
  it("answers in English under Accept-Language: fr, field messages and refusals alike", async () => {
    const api = bearer(t.app, await t.token("admin"));
    const invalid = await api
      .post("/api/claims", { statement: "s".repeat(1001) })
      .set("Accept-Language", "fr")
      .expect(422);
    expect(invalid.body.error.message).toBe("Some fields need attention.");
    expect(invalid.body.error.fields.statement).toBe("At most 1,000 characters; this has 1,001.");
    const missing = await api.get("/api/claims/999999").set("Accept-Language", "fr").expect(404);
    expect(missing.body.error.message).toMatch(/was not found\.$/);
    const viewer = bearer(t.app, await t.token("viewer"));
    const refused = await viewer.post("/api/claims", { statement: "x" }).set("Accept-Language", "fr").expect(403);
    expect(refused.body.error.message).toBe("This needs the Editor role; your role is Viewer.");
  });
});
