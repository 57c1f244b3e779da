import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { testApp, type TestApp } from "./helpers/app.ts";

// What a ClaimReview publishes comes from the server, never from the client
// (issue 8, items 10 and 14): the origin of its URL and the time of its review.

let t: TestApp;
let auth: { Authorization: string };
let sourceId: number;

const newClaim = async () => (await request(t.app).post("/api/claims").set(auth).send({ statement: "A claim to settle." }).expect(201)).body.id as number;
const resolve = (id: number, extra: Record<string, unknown> = {}) =>
  request(t.app)
    .post(`/api/claims/${id}/resolution`)
    .set(auth)
    .send({ outcome: "confirmed", note: "Settled.", sourceIds: [sourceId], ...extra });
const reviewOf = async (app: TestApp["app"], id: number, host: string) =>
  JSON.parse((await request(app).get(`/claims/${id}/claimreview.json`).set(auth).set("Host", host).expect(200)).text);

beforeAll(async () => {
  t = await testApp();
  auth = { Authorization: `Bearer ${await t.token("editor")}` };
  sourceId = (await request(t.app).post("/api/sources").set(auth).send({ title: "The board's post" }).expect(201)).body.id;
});
afterAll(() => t.close());

describe("the origin of ClaimReview URLs (item 10)", () => {
  it("with PUBLIC_URL unset, a Host header is not reflected: the URL is the server's own HOST and PORT", async () => {
    const id = await newClaim();
    await resolve(id).expect(200);
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: t.url, SESSION_SECRET: "x".repeat(40), HOST: "127.0.0.1", PORT: "4111" });
    const app = createApp({ db: t.db, config, log: () => {} });
    expect((await reviewOf(app, id, "evil.example")).url).toBe(`http://127.0.0.1:4111/claims/${id}`);
    // the claim page's embedded copy too
    const page = await request(app).get(`/claims/${id}`).set(auth).set("Host", "evil.example").expect(200);
    expect(page.text).not.toContain("evil.example");
  });
});

describe("times of record are the server's (item 14)", () => {
  it("POST /api/claims/:id/resolution with a back-dated resolvedAt answers 422, and the claim stays open", async () => {
    const id = await newClaim();
    const events = await t.db.auditEvent.count();
    const res = await resolve(id, { resolvedAt: "2001-01-01T00:00:00Z" }).expect(422);
    expect(res.body.error.fields.resolvedAt).toBe("resolvedAt is set by the server when the claim is resolved; leave it out.");
    expect(await t.db.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "unverified", resolvedAt: null });
    expect(await t.db.auditEvent.count()).toBe(events);
  });

  it("a resolution is dated by the server's clock, and that is the date the ClaimReview publishes", async () => {
    const id = await newClaim();
    const before = Date.now();
    const { body } = await resolve(id).expect(200);
    const after = Date.now();
    const at = Date.parse(body.resolvedAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
    expect((await reviewOf(t.app, id, "localhost")).datePublished).toBe(body.resolvedAt);
  });
});
