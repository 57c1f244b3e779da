import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { createLogger } from "../src/http/request-log.ts";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";

// The request log is JSON, one line a request, with the request's id, for
// deployments of several app servers; it never holds a cookie or a token.

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ env: { LOG_REQUESTS: "1" }, logger: createLogger(sink) });
});
afterAll(() => t.close());

const logged = (id: string) => lines.map((l) => JSON.parse(l) as { req: { id: string; url: string }; [k: string]: unknown }).filter((l) => l.req?.id === id);

describe("the request log", () => {
  it("keeps a proxy's X-Request-Id, answers with it, and logs one JSON line with method, path, status, time and account id", async () => {
    const { agent, id: userId } = await t.signIn("viewer");
    const res = await agent.get("/claims?status=rumored").set("X-Request-Id", "edge-42.a").expect(200);
    expect(res.headers["x-request-id"]).toBe("edge-42.a");
    const [line, ...more] = logged("edge-42.a");
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 30, req: { id: "edge-42.a", method: "GET", url: "/claims?status=rumored" }, res: { statusCode: 200 }, userId });
    expect(typeof line!.responseTime).toBe("number");
    expect(Date.parse(line!.time as string)).not.toBeNaN();
  });

  it("makes its own id for a request without one, or with one that is not a plain token (spaces, markup, 200 characters)", async () => {
    for (const given of [undefined, "two words", "<script>", "x".repeat(200)]) {
      const req = request(t.app).get("/login");
      const res = await (given === undefined ? req : req.set("X-Request-Id", given)).expect(200);
      const id = res.headers["x-request-id"] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(logged(id)).toHaveLength(1);
    }
  });

  it("never logs a session cookie, a bearer token, a password or a request body", async () => {
    const token = await t.token("editor");
    await bearer(t.app, token).post("/api/claims", { statement: "A logged claim", status: "rumored", confidence: 40 }).expect(201);
    const { agent } = await t.signIn("viewer", "logged@example.org");
    await agent.get("/claims").expect(200);
    const all = lines.join("\n");
    expect(all).not.toContain(token);
    expect(all).not.toContain("connect.sid");
    expect(all).not.toMatch(/cookie|authorization|password/i);
    expect(all).not.toContain("A logged claim");
  });
});
