import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedIfEmpty } from "../seed/seed.ts";
import { IMPORT, importLedger } from "../src/transfer/import.service.ts";
import { textChunks } from "../src/transfer/import.read.ts";
import { parseCsv } from "../src/transfer/csv.ts";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

// A quote keeps its own language: evidence has a BCP 47 tag (or none), which
// the API takes and gives, the export and import carry, and pages mark with lang.

let t: TestApp;
let ed: { agent: Agent; csrf: string };
let claimId: number;
let sourceId: number;

const api = (path: string, body: Record<string, unknown>) => ed.agent.post(`/api${path}`).set("x-csrf-token", ed.csrf).send(body);
const quotes = (db: TestApp["db"]) => db.evidence.findMany({ orderBy: { id: "asc" }, select: { quote: true, language: true } });

beforeAll(async () => {
  t = await testApp();
  ed = await t.signIn("editor");
  claimId = (await api("/claims", { statement: "Il n’y a pas de fusion." }).expect(201)).body.id;
  sourceId = (await api("/sources", { title: "Bloomberg TV interview", kind: "interview" }).expect(201)).body.id;
});
afterAll(() => t.close());

describe("the evidence language over the API", () => {
  it("POST /api/claims/:id/evidence keeps a tag as Intl writes it, reads a blank or absent one as none, and GET gives it back", async () => {
    const french = await api(`/claims/${claimId}/evidence`, { sourceId, stance: "refutes", quote: "« Il n’y a pas de fusion »", language: "FR-ca" }).expect(
      201,
    );
    expect(french.body.language).toBe("fr-CA");
    expect(
      (await api(`/claims/${claimId}/evidence`, { sourceId, stance: "mentions", quote: "No merger.", language: "" }).expect(201)).body.language,
    ).toBeNull();
    expect((await api(`/claims/${claimId}/evidence`, { sourceId, stance: "mentions", quote: "Plain" }).expect(201)).body.language).toBeNull();
    const claim = await ed.agent.get(`/api/claims/${claimId}`).expect(200);
    expect(claim.body.evidence.map((e: { language: string | null }) => e.language)).toEqual(["fr-CA", null, null]);
  });

  it("refuses a tag that is not a language with a 422 on the language field, and writes nothing", async () => {
    const before = await t.db.evidence.count();
    for (const language of ["en_US", "not a tag", 12, "x".repeat(40)]) {
      const res = await api(`/claims/${claimId}/evidence`, { sourceId, stance: "supports", quote: "q", language }).expect(422);
      expect(res.body.error.fields.language).toBe("Must be a language tag such as fr, en or pt-BR, or empty.");
    }
    expect(await t.db.evidence.count()).toBe(before);
  });

  it("the add-evidence form sends it, and the audit event keeps it", async () => {
    await ed.agent
      .post(`/claims/${claimId}/evidence`)
      .type("form")
      .send({ _csrf: ed.csrf, sourceId, stance: "supports", quote: "Sam revient", language: "fr" })
      .expect(302);
    const last = await t.db.evidence.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last.language).toBe("fr");
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "evidence.add" }, orderBy: { id: "desc" } });
    expect(JSON.parse(event.changes).evidence[1]).toMatchObject({ quote: "Sam revient", language: "fr" });
  });
});

describe("the evidence language in pages", () => {
  it("the claim page marks each quote with its own language, and none when it is not given", async () => {
    const page = await ed.agent.get(`/claims/${claimId}`).expect(200);
    expect(page.text).toContain('<blockquote class="quote" lang="fr-CA">« Il n’y a pas de fusion »</blockquote>');
    expect(page.text).toContain('<blockquote class="quote">No merger.</blockquote>');
    expect(page.text).toMatch(
      /<select id="field-language" name="language"[^>]*>\s*<option value="" selected>Not given, or another language<\/option><option value="fr" >French<\/option>/,
    );
  });

  it("the source's page marks the quotes of its claims with their own language", async () => {
    const page = await ed.agent.get(`/sources/${sourceId}`).expect(200);
    expect(page.text).toContain('<blockquote class="quote" lang="fr-CA">« Il n’y a pas de fusion »</blockquote>');
    expect(page.text).toContain('<blockquote class="quote">No merger.</blockquote>');
  });

  it("the claim's history marks the quote of an evidence change with its language", async () => {
    const history = await ed.agent.get(`/claims/${claimId}/history`).expect(200);
    expect(history.text).toContain('— “<span lang="fr">Sam revient</span>”');
    expect(history.text).toContain("— “No merger.”");
  });
});

describe("the evidence language in files", () => {
  it("export and import carry it, JSON and CSV alike, and evidence without one stays without", async () => {
    const json = (await ed.agent.get("/export/claims.json").expect(200)).text;
    const csv = (await ed.agent.get("/export/claims.csv").expect(200)).text;
    const evidence = JSON.parse(json).claims[0].evidence;
    expect(evidence[0].language).toBe("fr-CA");
    expect("language" in evidence[1]).toBe(false);
    const [header, row] = parseCsv(csv).map((r) => r.cells);
    expect(JSON.parse(row![header!.indexOf("evidence")]!)[0].language).toBe("fr-CA");
    for (const [text, format] of [
      [json, "json"],
      [csv, "csv"],
    ] as const) {
      const target = await testApp();
      try {
        await importLedger(target.db, textChunks(text), format, IMPORT);
        expect(await quotes(target.db)).toEqual(await quotes(t.db));
      } finally {
        await target.close();
      }
    }
  });
});

describe("the seed", () => {
  it("gives the article's quotes the language fr, and a second load adds nothing", async () => {
    const target = await testApp();
    try {
      await seedIfEmpty(target.db);
      const all = await quotes(target.db);
      expect(all.length).toBeGreaterThan(0);
      expect(all.filter((e) => e.quote).every((e) => e.language === "fr")).toBe(true);
      expect(await seedIfEmpty(target.db)).toBeNull();
      expect(await target.db.evidence.count()).toBe(all.length);
    } finally {
      await target.close();
    }
  });
});
