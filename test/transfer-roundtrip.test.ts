import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isResolved } from "../src/claims/status.ts";
import { csvLine, parseCsv, unprotectCell } from "../src/transfer/csv.ts";
import { IMPORT, importLedger } from "../src/transfer/import.service.ts";
import { textChunks } from "../src/transfer/import.read.ts";
import { CSV_COLUMNS } from "../src/transfer/transfer.schema.ts";
import { testApp, type TestApp } from "./helpers/app.ts";
import { cited, content } from "./helpers/ledger.ts";

// A valid ledger always re-imports: here one built through the API the way
// editors build one, whose resolutions cite sources that are not evidence.

let from: TestApp;
let exported: { json: string; csv: string };
let ids: { post: number; memo: number; interview: number };

beforeAll(async () => {
  from = await testApp();
  const ed = await from.signIn("editor");
  const send = async (path: string, body: Record<string, unknown>, status = 201) =>
    (await ed.agent.post(`/api${path}`).set("x-csrf-token", ed.csrf).send(body).expect(status)).body as { id: number };
  const post = await send("/sources", { title: "The board's post", url: "https://openai.com/blog/transition", kind: "official_statement" });
  const memo = await send("/sources", { title: "Internal memo", kind: "document" });
  const interview = await send("/sources", { title: "Interview with Emmett Shear", kind: "interview", reliability: "mixed" });
  ids = { post: post.id, memo: memo.id, interview: interview.id };
  const altman = await send("/entities", { name: "Sam Altman", kind: "person", aliases: ["Ultraman"] });

  // resolved on the memo, reopened, resolved again on the interview and the memo: none of them its evidence
  const lying = await send("/claims", { statement: "Altman was fired for lying to the board.", entityIds: [altman.id] });
  await send(`/claims/${lying.id}/evidence`, { sourceId: post.id, stance: "mentions", quote: "not consistently candid" });
  await send(`/claims/${lying.id}/resolution`, { outcome: "confirmed", note: "The memo says so.", sourceIds: [memo.id] }, 200);
  await send(`/claims/${lying.id}/reopen`, { status: "rumored", reason: "Shear denies it." }, 200);
  await send(`/claims/${lying.id}/resolution`, { outcome: "false", note: "Shear: it was not about lying.", sourceIds: [interview.id, memo.id] }, 200);
  // resolved with no evidence at all
  const warned = await send("/claims", { statement: "The board did not warn Microsoft.", confidence: 80 });
  await send(`/claims/${warned.id}/resolution`, { outcome: "confirmed", note: "Microsoft said so.", sourceIds: [post.id] }, 200);
  // resolved on its evidence, as the seed's are
  const back = await send("/claims", { statement: "Altman returned as CEO.", entityIds: [altman.id] });
  await send(`/claims/${back.id}/evidence`, { sourceId: post.id, stance: "supports", quote: "Sam returns" });
  await send(`/claims/${back.id}/evidence`, { sourceId: interview.id, stance: "supports", quote: "" });
  await send(`/claims/${back.id}/resolution`, { outcome: "confirmed", note: "The post.", sourceIds: [post.id] }, 200);
  await send("/claims", { statement: "Altman may join Microsoft.", status: "rumored" });

  exported = {
    json: (await ed.agent.get("/export/claims.json").expect(200)).text,
    csv: (await ed.agent.get("/export/claims.csv").expect(200)).text,
  };
});
afterAll(() => from.close());

/** Runs check on an empty ledger, closed afterwards. */
async function intoEmpty(check: (target: TestApp) => Promise<void>) {
  const target = await testApp();
  try {
    await check(target);
  } finally {
    await target.close();
  }
}

const TITLES = [["Interview with Emmett Shear", "Internal memo"], ["The board's post"], ["The board's post"], []];

describe("export → import round trip", () => {
  it("the JSON export names each resolution's cited sources (resolutionSourceIds), the latest resolution's for a reopened claim", () => {
    const claims = JSON.parse(exported.json).claims as { resolutionSourceIds: number[] }[];
    expect(claims.map((c) => c.resolutionSourceIds)).toEqual([[ids.interview, ids.memo], [ids.post], [ids.post], []]);
  });

  it("the CSV export names them by title and URL in its resolutionSources column", () => {
    const [header, ...rows] = parseCsv(exported.csv).map((r) => r.cells);
    const column = header!.indexOf("resolutionSources");
    expect(JSON.parse(rows[1]![column]!)).toEqual([{ sourceTitle: "The board's post", sourceUrl: "https://openai.com/blog/transition" }]);
    expect(rows[3]![column]).toBe("[]");
  });

  it("a JSON export of a ledger built through the API imports into an empty database with the same content and the same cited sources", async () => {
    await intoEmpty(async (target) => {
      expect(await importLedger(target.db, textChunks(exported.json), "json", IMPORT)).toEqual({ claims: 4, sources: 3, entities: 1, evidence: 3 });
      expect(await content(target.db)).toEqual(await content(from.db));
      expect(await cited(target.db)).toEqual(TITLES);
      expect(await cited(from.db)).toEqual(TITLES);
    });
  });

  it("its CSV export does too, with the sources only a resolution cites created by title and URL", async () => {
    await intoEmpty(async (target) => {
      expect(await importLedger(target.db, textChunks(exported.csv), "csv", IMPORT)).toEqual({ claims: 4, sources: 3, entities: 1, evidence: 3 });
      expect(await content(target.db, true)).toEqual(await content(from.db, true));
      expect(await cited(target.db)).toEqual(TITLES);
    });
  });

  it("files from before resolution sources were exported still import: a resolved claim cites its evidence, and one without evidence is refused", async () => {
    const old = JSON.parse(exported.json) as { claims: Record<string, unknown>[] };
    for (const c of old.claims) delete c.resolutionSourceIds;
    const oldCsv = parseCsv(exported.csv)
      .map((r) => csvLine(r.cells.slice(0, -1).map(unprotectCell)))
      .join("");
    expect(CSV_COLUMNS.at(-1)).toBe("resolutionSources");
    const withEvidence = { ...old, claims: old.claims.filter((c) => c.statement !== "The board did not warn Microsoft.") };
    const evidenceTitles = [["The board's post"], ["The board's post", "Interview with Emmett Shear"], []];
    await intoEmpty(async (target) => {
      await importLedger(target.db, textChunks(JSON.stringify(withEvidence)), "json", IMPORT);
      expect(await cited(target.db)).toEqual(evidenceTitles);
      const statuses = (await target.db.claim.findMany({ orderBy: { id: "asc" } })).map((c) => isResolved(c.status));
      expect(statuses).toEqual([true, true, false]);
    });
    await intoEmpty(async (target) => {
      const err = await importLedger(target.db, textChunks(oldCsv), "csv", IMPORT).catch((e: { problems: string[] }) => e);
      expect((err as { problems: string[] }).problems).toEqual([expect.stringMatching(/^line 3, evidence: A resolved claim needs a source to cite/)]);
      expect(await target.db.claim.count()).toBe(0);
    });
  });
});
