import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { claimReview, ratingOf, scriptJson, type ReviewedClaim } from "../src/claimreview/claimreview.ts";
import type { Outcome } from "../src/claims/status.ts";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string };

const post = async (path: string, body: Record<string, unknown>, status = 201) =>
  (await editor.agent.post(`/api${path}`).set("x-csrf-token", editor.csrf).send(body).expect(status)).body as { id: number; version: number };

/** The JSON-LD of a claim page's script element, or null when it has none. */
function embedded(html: string): unknown {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return m ? JSON.parse(m[1]!) : null;
}

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor");
});
afterAll(() => t.close());

describe("ratingOf (outcome and confidence to a 1–5 rating)", () => {
  const table: [Outcome, number, number, string][] = [
    ["false", 0, 1, "False"],
    ["false", 20, 1, "False"],
    ["false", 21, 2, "Mostly false"],
    ["false", 100, 2, "Mostly false"],
    ["inconclusive", 0, 3, "Unproven"],
    ["inconclusive", 100, 3, "Unproven"],
    ["confirmed", 79, 4, "Mostly true"],
    ["confirmed", 0, 4, "Mostly true"],
    ["confirmed", 80, 5, "True"],
    ["confirmed", 100, 5, "True"],
  ];
  it.each(table)("%s at confidence %i rates %i (%s)", (outcome, confidence, value, name) => {
    expect(ratingOf(outcome, confidence)).toEqual({ "@type": "Rating", ratingValue: value, bestRating: 5, worstRating: 1, alternateName: name });
  });
});

describe("claimReview (pure mapping)", () => {
  const source = (id: number, more: Partial<ReviewedClaim["evidence"][number]["source"]> = {}) => ({
    id,
    title: `Source ${id}`,
    url: null,
    publisher: "",
    author: "",
    publishedAt: null,
    ...more,
  });
  const base: ReviewedClaim = {
    statement: "S",
    status: "inconclusive",
    confidence: 50,
    occurredAt: null,
    firstReportedAt: null,
    resolutionNote: "Note.",
    resolvedAt: new Date("2023-11-21T00:00:00Z"),
    evidence: [],
  };
  const ctx = { url: "https://claims.example.org/claims/1", newsroom: { name: "Desk", url: null } };

  it("attributes the claim to the first supporting source's publisher as an Organization when it has no author", () => {
    const claim = {
      ...base,
      evidence: [
        { stance: "mentions", source: source(1, { author: "Ann Mention" }) },
        { stance: "supports", source: source(2, { publisher: "Board of OpenAI" }) },
        { stance: "supports", source: source(3, { author: "Later Author" }) },
      ],
    };
    expect(claimReview(claim, ctx).itemReviewed.author).toEqual({ "@type": "Organization", name: "Board of OpenAI" });
  });

  it("leaves out what is not known: no author, no claim date, no firstAppearance, no newsroom url", () => {
    const review = claimReview({ ...base, evidence: [{ stance: "refutes", source: source(1, { author: "X" }) }] }, ctx);
    expect(review.itemReviewed).toEqual({ "@type": "Claim", appearance: [] });
    expect(review.author).toEqual({ "@type": "Organization", name: "Desk" });
  });

  it("lists each supporting or mentioning source once, refuting ones never, and the earliest dated as firstAppearance", () => {
    const early = source(2, { publishedAt: new Date("2023-11-18T00:00:00Z"), url: "https://b.example" });
    const claim = {
      ...base,
      occurredAt: new Date("2023-11-17T20:00:00Z"),
      evidence: [
        { stance: "supports", source: source(1, { publishedAt: new Date("2023-11-19T00:00:00Z") }) },
        { stance: "refutes", source: source(9, { publishedAt: new Date("2023-11-01T00:00:00Z") }) },
        { stance: "mentions", source: early },
        { stance: "supports", source: early },
      ],
    };
    const review = claimReview(claim, ctx);
    expect(review.itemReviewed.datePublished).toBe("2023-11-17T20:00:00.000Z");
    expect(review.itemReviewed.appearance.map((a) => a.name)).toEqual(["Source 1", "Source 2"]);
    expect(review.itemReviewed.firstAppearance).toEqual({
      "@type": "CreativeWork",
      url: "https://b.example",
      name: "Source 2",
      datePublished: "2023-11-18T00:00:00.000Z",
    });
  });
});

describe("scriptJson", () => {
  it("escapes a statement containing </script><script>alert(1)</script>, & and U+2028/2029 so it cannot leave the element, and parses back to the same value", () => {
    const value = { claimReviewed: "Said </script><script>alert(1)</script> & <!-- more\u2028line\u2029end" };
    const out = scriptJson(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    expect(out).toContain("\\u0026");
    expect(out).toContain("\\u2028");
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe("GET /claims/:id/claimreview.json", () => {
  let resolved: number;
  let open: number;

  beforeAll(async () => {
    const board = await post("/sources", {
      title: "OpenAI announces leadership transition",
      publisher: "OpenAI",
      author: "The OpenAI board",
      url: "https://openai.com/blog/openai-announces-leadership-transition",
      publishedAt: "2023-11-17T20:28:00Z",
      kind: "official_statement",
    });
    const paper = await post("/sources", {
      title: "Altman out at OpenAI",
      publisher: "The Verge",
      url: "https://www.theverge.com/x",
      publishedAt: "2023-11-18T01:00:00Z",
      kind: "news_report",
    });
    const denial = await post("/sources", { title: "A denial", publisher: "Someone", publishedAt: "2023-11-01T00:00:00Z" });
    const claim = await post("/claims", {
      statement: "Sam Altman resigned as OpenAI's CEO of his own accord.",
      confidence: 3,
      occurredAt: "2023-11-17T20:00:00Z",
      firstReportedAt: "2023-11-17T20:28:00Z",
    });
    await post(`/claims/${claim.id}/evidence`, { sourceId: paper.id, stance: "mentions", quote: "q1" });
    await post(`/claims/${claim.id}/evidence`, { sourceId: board.id, stance: "supports", quote: "q2" });
    await post(`/claims/${claim.id}/evidence`, { sourceId: denial.id, stance: "refutes", quote: "q3" });
    await post(`/claims/${claim.id}/resolution`, { outcome: "false", note: "The board fired him.", sourceIds: [board.id] }, 200);
    resolved = claim.id;
    open = (await post("/claims", { statement: "Talks to bring Altman back stalled.", status: "rumored" })).id;
  });

  it("answers the ClaimReview of a resolved claim, as application/ld+json, with every property", async () => {
    const res = await editor.agent.get(`/claims/${resolved}/claimreview.json`).expect(200);
    expect(res.headers["content-type"]).toBe("application/ld+json; charset=utf-8");
    const r = JSON.parse(res.text);
    const row = await t.db.claim.findUniqueOrThrow({ where: { id: resolved } });
    expect(r["@context"]).toBe("https://schema.org");
    expect(r["@type"]).toBe("ClaimReview");
    expect(r.claimReviewed).toBe("Sam Altman resigned as OpenAI's CEO of his own accord.");
    expect(r.reviewRating).toEqual({ "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" });
    expect(r.datePublished).toBe(row.resolvedAt!.toISOString());
    expect(r.author).toEqual({ "@type": "Organization", name: "Claimtrack Newsroom" });
    // PUBLIC_URL unset: the server's own origin (HOST 0.0.0.0, PORT 3000 by default)
    expect(r.url).toBe(`http://localhost:3000/claims/${resolved}`);
    expect(r.reviewBody).toBe("The board fired him.");
    const paper = {
      "@type": "CreativeWork",
      url: "https://www.theverge.com/x",
      name: "Altman out at OpenAI",
      datePublished: "2023-11-18T01:00:00.000Z",
      publisher: { "@type": "Organization", name: "The Verge" },
    };
    const board = {
      "@type": "CreativeWork",
      url: "https://openai.com/blog/openai-announces-leadership-transition",
      name: "OpenAI announces leadership transition",
      datePublished: "2023-11-17T20:28:00.000Z",
      publisher: { "@type": "Organization", name: "OpenAI" },
    };
    expect(r.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "The OpenAI board" },
      datePublished: "2023-11-17T20:28:00.000Z",
      appearance: [paper, board],
      firstAppearance: board,
    });
  });

  it("uses PUBLIC_URL for the claim's url and NEWSROOM_URL for the newsroom, when set", async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: t.url,
      SESSION_SECRET: "x".repeat(40),
      NEWSROOM_NAME: "The Desk",
      PUBLIC_URL: "https://claims.example.org/",
      NEWSROOM_URL: "https://news.example.org",
    });
    const app = createApp({ db: t.db, config, log: () => {} });
    const res = await request(app)
      .get(`/claims/${resolved}/claimreview.json`)
      .set("Authorization", `Bearer ${await t.token("viewer")}`)
      .expect(200);
    expect(JSON.parse(res.text)).toMatchObject({
      url: `https://claims.example.org/claims/${resolved}`,
      author: { "@type": "Organization", name: "The Desk", url: "https://news.example.org" },
    });
  });

  it("loadConfig refuses a PUBLIC_URL that is not an http(s) address and reads an empty one as unset: the origin of HOST and PORT", () => {
    const env = { NODE_ENV: "test", DATABASE_URL: t.url, SESSION_SECRET: "x".repeat(40) };
    expect(() => loadConfig({ ...env, PUBLIC_URL: "ftp://claims.example.org" })).toThrow(/PUBLIC_URL must be an address starting with http/);
    expect(loadConfig({ ...env, PUBLIC_URL: "", NEWSROOM_URL: "" })).toMatchObject({ publicUrl: "http://localhost:3000", newsroomUrl: null });
    expect(loadConfig({ ...env, HOST: "127.0.0.1", PORT: "4110" }).publicUrl).toBe("http://127.0.0.1:4110");
    expect(loadConfig({ ...env, HOST: "::1", PORT: "4110" }).publicUrl).toBe("http://[::1]:4110");
  });

  it("answers 404 with the JSON error shape for an open claim, an unknown id and a garbage id, even to a browser", async () => {
    for (const path of [`/claims/${open}/claimreview.json`, "/claims/999999/claimreview.json", "/claims/abc/claimreview.json"]) {
      const res = await editor.agent.get(path).set("Accept", "text/html").expect(404);
      expect(res.body.error.code, path).toBe("not_found");
      expect(res.body.error.message, path).toMatch(/was not found|still open/);
    }
  });

  it("sends a visitor who is not signed in to the login page", async () => {
    const res = await request(t.app).get(`/claims/${resolved}/claimreview.json`).expect(302);
    expect(res.headers.location).toMatch(/^\/login/);
  });

  it("a resolved claim's page embeds the same JSON-LD in a script element; an open claim's page embeds none", async () => {
    const json = JSON.parse((await editor.agent.get(`/claims/${resolved}/claimreview.json`).expect(200)).text);
    const page = await editor.agent.get(`/claims/${resolved}`).expect(200);
    expect(json.url).toBe(`http://localhost:3000/claims/${resolved}`);
    expect(embedded(page.text)).toEqual(json);
    const openPage = await editor.agent.get(`/claims/${open}`).expect(200);
    expect(openPage.text).toContain("Talks to bring Altman back stalled.");
    expect(openPage.text).not.toContain("application/ld+json");
  });

  it("a resolved claim whose statement holds </script><script>alert(1)</script> keeps it inside the JSON-LD", async () => {
    const source = await post("/sources", { title: "Src" });
    const claim = await post("/claims", { statement: "He wrote </script><script>alert(1)</script> & left." });
    await post(`/claims/${claim.id}/resolution`, { outcome: "confirmed", confidence: 90, note: "Seen </script>.", sourceIds: [source.id] }, 200);
    const page = await editor.agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).not.toContain("<script>alert(1)");
    expect(embedded(page.text)).toMatchObject({
      claimReviewed: "He wrote </script><script>alert(1)</script> & left.",
      reviewBody: "Seen </script>.",
      reviewRating: { ratingValue: 5 },
    });
  });
});
