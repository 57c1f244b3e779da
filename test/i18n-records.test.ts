// Sources, people and organisations, the timeline, the dashboard and the
// audit log in French (Accept-Language: fr) and, for the same data, still in
// English: headings, labels, messages, dates and counts in the reader's language.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string };

const unique = (s: string) => `${s} [${randomUUID().slice(0, 8)}]`;
const api = (path: string, body: Record<string, unknown>) => editor.agent.post(path).set("x-csrf-token", editor.csrf).send(body);
const fr = (path: string, status = 200) => editor.agent.get(path).set("Accept-Language", "fr").expect(status);
const en = (path: string, status = 200) => editor.agent.get(path).set("Accept-Language", "en").expect(status);

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor");
});
afterAll(() => t.close());

describe("sources in French", () => {
  it("the list, a source's page and its 404 speak French, with fr-FR dates; English is unchanged", async () => {
    const source = (
      await api("/api/sources", { title: unique("Dépêche"), kind: "news_report", reliability: "unreliable", publishedAt: "2023-11-20T06:00:00Z" }).expect(201)
    ).body as { id: number };
    const claim = (await api("/api/claims", { statement: unique("Le conseil a licencié Altman.") }).expect(201)).body as { id: number };
    await api(`/api/claims/${claim.id}/evidence`, { sourceId: source.id, stance: "supports", quote: "Le conseil a licencié" }).expect(201);

    const list = await fr("/sources");
    expect(list.text).toContain('<html lang="fr">');
    expect(list.text).toContain("Nouvelle source");
    expect(list.text).toContain(">Article de presse</span>");
    expect(list.text).toContain(">Peu fiable</span>");
    expect(list.text).toContain("20 nov. 2023, 06:00 UTC");
    const page = await fr(`/sources/${source.id}`);
    expect(page.text).toContain("Affirmations qui citent cette source");
    expect(page.text).toContain(">Appuie</span>");
    expect(page.text).toContain("Historique");
    expect((await fr("/sources/999999", 404)).text).toContain("Source nº 999999 : introuvable.");

    const english = await en(`/sources/${source.id}`);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain("Claims citing this source");
    expect(english.text).toContain(">News report</span>");
    expect(english.text).toContain("20 Nov 2023, 06:00 UTC");
    expect((await en("/sources/999999", 404)).text).toContain("Source #999999 was not found.");
  });

  it("a source added in French says so in French, and its form's errors are French", async () => {
    const res = await editor.agent
      .post("/sources")
      .set("Accept-Language", "fr")
      .type("form")
      .send({ _csrf: editor.csrf, title: unique("Communiqué"), kind: "nope" })
      .expect(422);
    expect(res.text).toContain("Le type doit être l’un de");
    const saved = await editor.agent
      .post("/sources")
      .set("Accept-Language", "fr")
      .type("form")
      .send({ _csrf: editor.csrf, title: unique("Communiqué") })
      .expect(302);
    const id = /\/sources\/(\d+)$/.exec(saved.headers.location as string)![1];
    expect((await fr(saved.headers.location as string)).text).toContain(`Source nº ${id} ajoutée.`);
  });
});

describe("people and organisations in French", () => {
  it("the list, an entity's page and its forms speak French; English is unchanged", async () => {
    const name = unique("Sam Altman");
    const person = (await api("/api/entities", { name, kind: "person", aliases: ["Ultraman"] }).expect(201)).body as { id: number };
    const list = await fr("/entities");
    expect(list.text).toContain('<html lang="fr">');
    expect(list.text).toContain("<h1>Personnes et organisations</h1>");
    expect(list.text).toContain('placeholder="nom ou alias"');
    expect(list.text).toContain("<td>Personne</td>");
    const page = await fr(`/entities/${person.id}`);
    expect(page.text).toContain("Aussi écrit");
    expect(page.text).toContain("Fusionner une autre fiche dans celle-ci");
    expect(page.text).toContain(`aria-label="Retirer l’alias Ultraman"`);
    const refused = await editor.agent
      .post(`/entities/${person.id}/aliases`)
      .set("Accept-Language", "fr")
      .type("form")
      .send({ _csrf: editor.csrf, alias: "" })
      .expect(422);
    expect(refused.text).toContain("Saisissez l’alias à ajouter.");

    const english = await en(`/entities/${person.id}`);
    expect(english.text).toContain("Also written");
    expect(english.text).toContain("Merge another entity into this one");
  });
});

describe("the timeline in French", () => {
  it("heads each day in fr-FR and counts in French; English heads it in en-GB", async () => {
    await api("/api/claims", { statement: unique("Altman est renvoyé."), occurredAt: "2023-11-16T20:00:00Z" }).expect(201);
    const res = await fr("/timeline?status=unverified");
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain("<h1>Chronologie</h1>");
    expect(res.text).toContain(">jeudi 16 novembre 2023</time>");
    expect(res.text).toContain(">20:00 UTC</time>");
    expect(res.text).toMatch(/\d+ affirmations? datées?, [^;]+ ;/);
    expect(res.text).toContain(">Les plus anciennes d’abord</option>");
    expect((await en("/timeline")).text).toContain(">Thursday, 16 November 2023</time>");
  });

  it("says a part-of-day time in French: dans la soirée du 16 nov. 2023 (San Francisco)", async () => {
    const span = { occurredDate: "2023-11-16", occurredPrecision: "evening", occurredZone: "America/Los_Angeles" };
    await api("/api/claims", { statement: unique("Sutskever écrit à Altman."), ...span }).expect(201);
    expect((await fr("/timeline?status=unverified&tz=America/Los_Angeles")).text).toContain("dans la soirée du 16 nov. 2023 (San Francisco)");
    expect((await en("/timeline?status=unverified&tz=America/Los_Angeles")).text).toContain("evening of 16 Nov 2023 (San Francisco)");
  });
});

describe("the dashboard and the audit log in French", () => {
  it("the dashboard names statuses, actions, ages and chart days in French", async () => {
    const rumor = (await api("/api/claims", { statement: unique("Une rumeur"), status: "rumored" }).expect(201)).body as { id: number };
    const res = await fr("/");
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain("<h1>Tableau de bord</h1>");
    expect(res.text).toContain("Rumeurs ouvertes, les plus anciennes d’abord");
    expect(res.text).toMatch(/ouverte depuis <time[^>]*>moins d’une minute<\/time>/);
    expect(res.text).toContain("<td>Affirmation créée</td>");
    expect(res.text).toContain(`>Affirmation nº ${rumor.id}</a>`);
    expect(res.text).toContain("Affirmations par statut à la fin de chaque jour (UTC)");
    // the chart's days in fr-FR ("2 déc.") rather than en-GB ("2 Dec")
    const today = new Date().toLocaleDateString("fr-FR", { timeZone: "UTC", day: "numeric", month: "short" });
    expect(res.text).toContain(`>${today}</text>`);
    const english = await en("/");
    expect(english.text).toContain("<td>Claim created</td>");
    expect(english.text).toContain("Open rumors, oldest first");
  });

  it("the audit log's filter, action labels, changes, chain box and filter errors are French", async () => {
    const claim = (await api("/api/claims", { statement: unique("Le conseil a tranché") }).expect(201)).body as { id: number };
    const title = unique("Communiqué du conseil");
    const source = (await api("/api/sources", { title }).expect(201)).body as { id: number };
    await api(`/api/claims/${claim.id}/evidence`, { sourceId: source.id, stance: "refutes", quote: "Le conseil dément" }).expect(201);
    const res = await fr("/audit");
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain("<h1>Journal d’audit</h1>");
    expect(res.text).toContain('<optgroup label="Affirmations">');
    expect(res.text).toContain(">Affirmation créée</option>");
    expect(res.text).toContain(`réfute : ${title} — «\u00a0Le conseil dément\u00a0»`);
    expect(res.text).toContain(">Preuve ajoutée</option>");
    expect(res.text).toMatch(/Chaîne d’audit (vérifiée|pas encore vérifiée)/);
    const bad = await fr("/audit?since=hier", 422);
    expect(bad.text).toContain("« Depuis » doit être une date comme 2023-11-20");
    const english = await en("/audit");
    expect(english.text).toContain(">Claim created</option>");
    expect(english.text).toContain(`refutes: ${title} — “Le conseil dément”`);
  });
});
