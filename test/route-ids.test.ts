import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

// Every router parses its URL ids in one loader (router.param): a malformed
// id is the page that does not exist, on every kind of route, and never
// reaches a service or a query.

let t: TestApp;
let admin: { agent: Agent; csrf: string; id: number };
let auth: { Authorization: string };
let claim: number;
let entity: number;

const HOSTILE = ["abc", "1e3", "-1", "0", "1.5", "99999999999999999999", "0x10"];

beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn("admin");
  auth = { Authorization: `Bearer ${await t.token("admin")}` };
  claim = (await request(t.app).post("/api/claims").set(auth).send({ statement: "A claim whose ids are abused." }).expect(201)).body.id;
  entity = (await request(t.app).post("/api/entities").set(auth).send({ name: "Someone", kind: "person" }).expect(201)).body.id;
});
afterAll(() => t.close());

type Method = "get" | "post" | "patch" | "delete";
/** Routes with `:x` where the hostile id goes; the other ids are real records'. */
const pages = (): [Method, string][] => [
  ["get", "/claims/:x"],
  ["get", "/claims/:x/edit"],
  ["post", "/claims/:x"],
  ["get", "/claims/:x/history"],
  ["get", "/claims/:x/resolve"],
  ["post", "/claims/:x/reopen"],
  ["post", "/claims/:x/review"],
  ["get", `/claims/${claim}/evidence/:x/delete`],
  ["post", `/claims/${claim}/evidence/:x/delete`],
  ["get", "/sources/:x"],
  ["get", "/sources/:x/edit"],
  ["post", "/sources/:x"],
  ["get", "/entities/:x"],
  ["get", "/entities/:x/edit"],
  ["post", "/entities/:x/merge"],
  ["get", `/entities/${entity}/aliases/:x/delete`],
  ["get", "/users/:x"],
  ["post", "/users/:x/role"],
  ["post", `/users/${admin.id}/tokens/:x/revoke`],
];
const apis = (): [Method, string][] => [
  ["get", "/api/claims/:x"],
  ["patch", "/api/claims/:x"],
  ["post", "/api/claims/:x/resolution"],
  ["get", "/api/claims/:x/history"],
  ["post", "/api/claims/:x/review"],
  ["delete", `/api/claims/${claim}/evidence/:x`],
  ["get", "/api/sources/:x"],
  ["patch", "/api/sources/:x"],
  ["get", "/api/entities/:x"],
  ["post", "/api/entities/:x/merge"],
  ["delete", `/api/entities/${entity}/aliases/:x`],
];

describe("URL ids, parsed by each router's loader", () => {
  it("a malformed id on a page or a form answers the 404 page naming the record", async () => {
    for (const [method, path] of pages()) {
      for (const bad of HOSTILE) {
        const url = path.replace(":x", encodeURIComponent(bad));
        const req = admin.agent[method](url);
        const res = method === "get" ? await req : await req.type("form").send({ _csrf: admin.csrf, reason: "Why not." });
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.type, `${method} ${url}`).toBe("text/html");
        expect(res.text, `${method} ${url}`).toMatch(/That (claim|evidence|source|entity|alias|user|token)/);
      }
    }
  });

  it("a malformed id under /api answers a JSON 404, not_found", async () => {
    for (const [method, path] of apis()) {
      for (const bad of HOSTILE) {
        const url = path.replace(":x", encodeURIComponent(bad));
        const res = await request(t.app)[method](url).set(auth).send({ version: 1, reason: "Why not." });
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.body.error.code, `${method} ${url}`).toBe("not_found");
      }
    }
    const review = await request(t.app).get("/claims/1e3/claimreview.json").set(auth).expect(404);
    expect(review.body.error.code).toBe("not_found");
  });

  it("a well-formed id reaches the route: the claim's pages and API answer for it", async () => {
    await admin.agent.get(`/claims/${claim}`).expect(200);
    await admin.agent.get(`/claims/${claim}/history`).expect(200);
    const res = await request(t.app).get(`/api/claims/${claim}`).set(auth).expect(200);
    expect(res.body.id).toBe(claim);
    await request(t.app).get(`/api/entities/${entity}`).set(auth).expect(200);
    await admin.agent.get(`/users/${admin.id}`).expect(200);
  });
});
