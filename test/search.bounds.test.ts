import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

// Search at scale, through HTTP: which names expand, how a word found in
// more claims than are ranked is ranked and said to be, and that the page's
// status counts are of the claims the search found.

let t: TestApp;
let token: string;
let viewer: { agent: Agent };
const auth = () => ({ Authorization: `Bearer ${token}` });

interface Ranking {
  scope: "all" | "recent";
  ranked: number;
}
interface Listing {
  items: { id: number; status: string }[];
  nextCursor: string | null;
  ranking: Ranking | null;
}
const list = async (query: string) => (await request(t.app).get(`/api/claims?${query}`).set(auth()).expect(200)).body as Listing;
const ids = async (query: string) => (await list(query)).items.map((c) => c.id);

async function entity(name: string, aliases: string[] = []) {
  return (await request(t.app).post("/api/entities").set(auth()).send({ name, kind: "person", aliases }).expect(201)).body as { id: number };
}
async function claim(statement: string, body: Record<string, unknown> = {}) {
  return (
    await request(t.app)
      .post("/api/claims")
      .set(auth())
      .send({ statement, confidence: 50, ...body })
      .expect(201)
  ).body as { id: number };
}
const count = (html: string, label: string) => Number(new RegExp(`>${label} <span class="count">([\\d,]+)</span>`).exec(html)?.[1]?.replaceAll(",", ""));

beforeAll(async () => {
  t = await testApp();
  token = await t.token("editor");
  viewer = await t.signIn("viewer");
});
afterAll(() => t.close());

describe("alias expansion", () => {
  it("a whole alias finds the claims linked to its entity; a word that only begins the alias, or is one word of a longer name, does not", async () => {
    const e = await entity("Quuxperson Bravo", ["Quuxalias"]);
    const linked = await claim("The chair resigned on Sunday night.", { entityIds: [e.id] });
    expect(await ids("q=Quuxalias")).toEqual([linked.id]);
    expect(await ids("q=Quuxperson%20Bravo")).toEqual([linked.id]);
    expect(await ids("q=Quuxali")).toEqual([]);
    expect(await ids("q=Quuxperson")).toEqual([]);
  });

  it("a name seven people answer to (initials aside) expands to five of them, not all", async () => {
    const shared = [];
    for (const initial of ["A", "B", "C", "D", "E", "F", "G"]) {
      const e = await entity(`${initial}. Quuxhomonym`);
      shared.push((await claim(`A board seat went to someone, says ${initial}.`, { entityIds: [e.id] })).id);
    }
    const found = await ids("q=Quuxhomonym&limit=100");
    expect(found).toHaveLength(5);
    expect(shared).toEqual(expect.arrayContaining(found));
  });

  it("a name beside another word finds the claims linked to it whose text has that word, and the text that spells the name otherwise", async () => {
    const e = await entity("Quuxmixed Person", ["Quuxmix"]);
    const linked = await claim("quuxword: the merger talks stalled.", { entityIds: [e.id] });
    const spelled = await claim("Quuxmixed Person said quuxword twice.");
    await claim("Quuxmixed Person said nothing at all.");
    expect((await ids("q=Quuxmix%20quuxword")).sort((a, b) => a - b)).toEqual([linked.id, spelled.id]);
  });
});

describe("a word found in more claims than are ranked", () => {
  const word = "quuxcommon";
  beforeAll(async () => {
    // 2,003 claims written in one statement: through the API they would take minutes, and the triggers index them all the same
    await t.db.claim.createMany({
      data: Array.from({ length: 1003 }, (_, i) => ({ statement: `${word} report number ${i}`, status: i % 2 ? "rumored" : "unverified" })),
    });
  });

  it("GET /api/claims ranks the 1,000 most recent matches and says so; a rarer word is ranked among all its matches", async () => {
    const page = await list(`q=${word}&limit=100`);
    expect(page.ranking).toEqual({ scope: "recent", ranked: 1000 });
    expect(page.items).toHaveLength(100);
    const newest = Math.max(...(await ids(`q=${word}&sort=newest&limit=100`)));
    expect(Math.min(...page.items.map((c) => c.id))).toBeGreaterThan(newest - 1000);
    expect((await list(`q=${word}%20number%20999`)).ranking).toEqual({ scope: "all", ranked: 1 });
    expect((await list(`q=${word}&sort=newest`)).ranking).toBeNull();
  });

  it("sorted by newest, the walk goes past the 1,000 ranked to every match", async () => {
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page: Listing = await list(`q=${word}&sort=newest&limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      seen += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toBe(1003);
  });

  it("GET /claims says the page ranks the most recent matches and that its counts are theirs; the counts add up to the 1,000", async () => {
    const html = (await viewer.agent.get(`/claims?q=${word}`).expect(200)).text;
    expect(html).toContain("More than 1,000 claims match: these are the most relevant of the 1,000 most recent, and the counts above are theirs.");
    expect(count(html, "All")).toBe(1000);
    expect(count(html, "Unverified") + count(html, "Rumored")).toBe(1000);
    expect((await viewer.agent.get("/claims?q=quuxrarer").expect(200)).text).not.toContain("most relevant of the");
  });
});

describe("status counts of a search", () => {
  it("GET /claims?q= counts by status exactly the claims the API finds, names' linked claims included", async () => {
    const e = await entity("Quuxcounted Person", ["Quuxcounted"]);
    await claim("Quuxcounted spoke first.", { status: "rumored" });
    await claim("Quuxcounted spoke again.", { status: "rumored" });
    await claim("Someone else spoke.", { status: "unverified", entityIds: [e.id] });
    const found = (await list("q=Quuxcounted&limit=100")).items;
    expect(found).toHaveLength(3);
    const html = (await viewer.agent.get("/claims?q=Quuxcounted").expect(200)).text;
    expect(count(html, "All")).toBe(3);
    expect(count(html, "Rumored")).toBe(2);
    expect(count(html, "Unverified")).toBe(1);
    expect(html).not.toContain("most relevant of the");
  });
});
