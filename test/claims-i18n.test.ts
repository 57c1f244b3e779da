import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

// The claims pages in the reader's language: French by Accept-Language or by
// the account's choice, English otherwise, as before; times in French words
// and fr-FR dates, in the claim's own zone.

let t: TestApp;
let ed: { agent: Agent; csrf: string; id: number };
let evening: number;
let beijing: number;

const api = (path: string, body: Record<string, unknown>) => ed.agent.post(`/api${path}`).set("x-csrf-token", ed.csrf).send(body);
const fr = (path: string) => ed.agent.get(path).set("Accept-Language", "fr");
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

beforeAll(async () => {
  t = await testApp();
  ed = await t.signIn("editor");
  evening = (
    await api("/claims", {
      statement: "Altman was fired.",
      status: "rumored",
      occurredDate: "2023-11-16",
      occurredPrecision: "evening",
      occurredZone: "America/Los_Angeles",
    }).expect(201)
  ).body.id;
  beijing = (
    await api("/claims", {
      statement: "Talks with Anthropic.",
      occurredDate: "2023-11-20",
      occurredTime: "14:00",
      occurredZone: "Asia/Shanghai",
      firstReportedAt: "2023-11-20 16:30",
    }).expect(201)
  ).body.id;
});
afterAll(() => t.close());

describe("the claims pages in French", () => {
  it("GET /claims with Accept-Language: fr is French: <html lang>, headings, statuses, and times in fr-FR words", async () => {
    const page = await fr("/claims").expect(200);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain("<h1>Affirmations</h1>");
    expect(text(page.text)).toContain("Rumeur");
    expect(text(page.text)).toContain("Non vérifiée");
    expect(page.text).toContain("dans la soirée du 16 nov. 2023 (San Francisco)");
    expect(page.text).toContain("20 nov. 2023 à 14:00 (Pékin)");
    expect(page.text).not.toContain("evening of");
  });

  it("a claim's page in French names its status, its time, its first report and its fields in French", async () => {
    const page = await fr(`/claims/${beijing}`).expect(200);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain("<title>Affirmation nº\u00a0" + beijing);
    expect(page.text).toContain("<dt>Survenu</dt>");
    expect(page.text).toContain("20 nov. 2023 à 16:30 (Pékin)");
    expect(page.text).toContain(">Non vérifiée</span>");
    expect(page.text).toContain("Ajouter une preuve");
    expect(page.text).toMatch(/<option value="fr" >français<\/option>/);
  });

  it("the new-claim form offers the precisions and zones in French", async () => {
    const page = await fr("/claims/new").expect(200);
    expect(page.text).toContain(">Soirée (18:00–24:00)</option>");
    expect(page.text).toContain('<option value="Asia/Shanghai">Pékin</option>');
    expect(page.text).toContain("<h1>Nouvelle affirmation</h1>");
    expect(page.text).toContain("(1\u202f000 caractères au plus)");
  });

  it("a refused move says why in French, on the claim's form page", async () => {
    const res = await ed.agent
      .post(`/claims/${evening}/reopen`)
      .set("Accept-Language", "fr")
      .type("form")
      .send({ _csrf: ed.csrf, status: "unverified", reason: "Doubt." })
      .expect(422);
    expect(res.text).toContain("Une affirmation « rumeur » passe à « non vérifiée » en la modifiant, pas en la rouvrant.");
    expect(res.text).not.toContain("by editing it");
  });

  it("the warning about a first report before the event is flashed in French, with its times in French", async () => {
    const res = await ed.agent
      .post("/claims")
      .set("Accept-Language", "fr")
      .type("form")
      .send({
        _csrf: ed.csrf,
        statement: "Reported early.",
        occurredZone: "Asia/Shanghai",
        occurredDate: "2023-11-20",
        occurredPrecision: "evening",
        firstReportedAt: "2023-11-20 09:00",
      })
      .expect(302);
    const page = await fr(res.headers.location!).expect(200);
    expect(page.text).toContain(
      "Elle a été signalée pour la première fois le 20 nov. 2023 à 09:00 (Pékin), avant d’avoir eu lieu : dans la soirée du 20 nov. 2023 (Pékin).",
    );
  });

  it("the conflict page names the fields and the status in French", async () => {
    await ed.agent.patch(`/api/claims/${evening}`).set("x-csrf-token", ed.csrf).send({ version: 1, context: "Someone else's edit." }).expect(200);
    const res = await ed.agent
      .post(`/claims/${evening}`)
      .set("Accept-Language", "fr")
      .type("form")
      .send({ _csrf: ed.csrf, version: "1", statement: "Altman was ousted.", status: "unverified", reason: "Checked." })
      .expect(409);
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain("Conflit de modification sur l’affirmation nº\u00a0" + evening);
    expect(res.text).toContain('<th scope="row">Énoncé <span class="tag">diffère</span></th>');
    expect(res.text).toMatch(/<td data-label="Actuellement \(version 2\)">Rumeur<\/td>\s*<td data-label="Votre modification">Non vérifiée<\/td>/);
  });

  it("the account's choice of French wins over an English browser", async () => {
    await t.db.user.update({ where: { id: ed.id }, data: { locale: "fr" } });
    try {
      const page = await ed.agent.get(`/claims/${evening}/history`).set("Accept-Language", "en").expect(200);
      expect(page.text).toContain('<html lang="fr">');
      expect(page.text).toContain("<h1>Historique</h1>");
    } finally {
      await t.db.user.update({ where: { id: ed.id }, data: { locale: null } });
    }
  });
});

describe("the claims pages in English", () => {
  it("stay English, with the times as they were", async () => {
    const list = await ed.agent.get("/claims").set("Accept-Language", "en-GB").expect(200);
    expect(list.text).toContain('<html lang="en">');
    expect(list.text).toContain("evening of 16 Nov 2023 (San Francisco)");
    expect(list.text).toContain("20 Nov 2023, 14:00 (Beijing)");
    const show = await ed.agent.get(`/claims/${beijing}`).expect(200);
    expect(show.text).toContain("<dt>First reported</dt><dd>20 Nov 2023, 16:30 (Beijing)</dd>");
    expect(show.text).toContain(">Unverified</span>");
    expect(show.text).toContain("(at most 5,000 characters)");
  });
});
