import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

// No input, however malformed, may produce a 500: every write and read is
// sent values of the wrong type, shape and size.

let t: TestApp;
let token: string;
let editor: { agent: Agent; csrf: string };
let claimId: number;
let sourceId: number;

const HOSTILE: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  "",
  " ",
  "x".repeat(20_000),
  [],
  [1, 2],
  {},
  { $gt: "" },
  "<script>",
  "1; DROP TABLE Claim",
  "😀",
  "\u0000",
  "NaN",
  "2023-02-30",
];
const FIELDS = [
  "statement",
  "context",
  "status",
  "confidence",
  "occurredAt",
  "firstReportedAt",
  "entityIds",
  "version",
  "reason",
  "sourceIds",
  "outcome",
  "note",
  "sourceId",
  "stance",
  "quote",
  "title",
  "url",
  "kind",
  "reliability",
  "publishedAt",
  "name",
  "aliases",
];

beforeAll(async () => {
  t = await testApp();
  token = await t.token("editor");
  editor = await t.signIn("editor");
  const auth = { Authorization: `Bearer ${token}` };
  claimId = (await request(t.app).post("/api/claims").set(auth).send({ statement: "A claim to abuse." }).expect(201)).body.id;
  sourceId = (await request(t.app).post("/api/sources").set(auth).send({ title: "A source" }).expect(201)).body.id;
});
afterAll(() => t.close());

describe("hostile input", () => {
  it("JSON writes answer 4xx with the error shape for every wrong-typed field, never 5xx", async () => {
    const writes: [string, string][] = [
      ["post", "/api/claims"],
      ["patch", `/api/claims/${claimId}`],
      ["post", `/api/claims/${claimId}/resolution`],
      ["post", `/api/claims/${claimId}/reopen`],
      ["post", `/api/claims/${claimId}/evidence`],
      ["post", "/api/sources"],
      ["patch", `/api/sources/${sourceId}`],
      ["post", "/api/entities"],
    ];
    for (const [method, url] of writes) {
      for (const field of FIELDS) {
        for (const value of HOSTILE) {
          const res = await (request(t.app) as unknown as Record<string, (u: string) => request.Test>)[method]!(url)
            .set("Authorization", `Bearer ${token}`)
            .send({ statement: "ok", title: "ok", name: "ok", kind: "person", version: 1, [field]: value });
          expect(res.status, `${method} ${url} ${field}=${JSON.stringify(value)?.slice(0, 40)}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.body.error?.message, url).toEqual(expect.any(String));
        }
      }
    }
    // hundreds of requests: minutes on a loaded two-core machine
  }, 300_000);

  it("bodies that are not objects answer 400 or 422, never 5xx", async () => {
    for (const body of ["[]", "null", '"text"', "{", '{"statement":', "1"]) {
      const res = await request(t.app).post("/api/claims").set("Authorization", `Bearer ${token}`).set("content-type", "application/json").send(body);
      expect([400, 422], body).toContain(res.status);
    }
  });

  it("query strings of the wrong shape answer 200 or 4xx on every list", async () => {
    const queries = [
      "status=a&status=b",
      "limit=-5",
      "limit=abc",
      "limit=100000",
      "entity=x",
      "source[]=1",
      "cursor=%00",
      "q[a]=1",
      "since=yesterday",
      "actor=%FF",
      `q=${"%22".repeat(500)}`,
    ];
    for (const path of ["/api/claims", "/api/sources", "/api/entities", "/api/audit", "/claims", "/sources", "/entities", "/audit"]) {
      for (const q of queries) {
        const res = path.startsWith("/api")
          ? await request(t.app).get(`${path}?${q}`).set("Authorization", `Bearer ${token}`)
          : await editor.agent.get(`${path}?${q}`);
        expect(res.status, `${path}?${q}`).toBeLessThan(500);
      }
    }
  });

  it("form posts with repeated or missing fields answer 4xx or redirect, never 5xx", async () => {
    const posts = [
      `/claims`,
      `/claims/${claimId}`,
      `/claims/${claimId}/resolution`,
      `/claims/${claimId}/reopen`,
      `/claims/${claimId}/evidence`,
      "/sources",
      `/sources/${sourceId}`,
      "/entities",
    ];
    for (const url of posts) {
      for (const body of ["statement=a&statement=b", "confidence=1&confidence=2", "version=1&version=2", "", "sourceIds=abc", "outcome[]=x"]) {
        const res = await editor.agent
          .post(url)
          .type("form")
          .send(`_csrf=${encodeURIComponent(editor.csrf)}&${body}`);
        expect(res.status, `${url} ${body}`).toBeLessThan(500);
      }
    }
  });
});
