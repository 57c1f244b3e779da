import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReadTimeout } from "../src/errors.ts";
import { ReadWorker } from "../src/sqlite/read-worker.ts";
import { testApp, type TestApp } from "./helpers/app.ts";

// The read worker runs the search's query in a thread: the main thread keeps
// serving while it runs, and a query past its budget is stopped.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const ENDLESS = { sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS n FROM c", values: [] };

describe("the read worker", () => {
  it("runs a query in its thread while the main thread's timers keep firing; past its budget the query is stopped with a 503, and the next one runs", async () => {
    const worker = new ReadWorker(t.file, 400);
    expect(await worker.get<{ n: number }>({ sql: "SELECT count(*) AS n FROM Claim WHERE id > ?", values: [0] })).toEqual({ n: expect.any(Number) });

    let ticks = 0;
    const ticking = setInterval(() => ticks++, 20);
    const started = Date.now();
    const stopped = await worker.get(ENDLESS).catch((err: unknown) => err);
    clearInterval(ticking);
    expect(stopped).toBeInstanceOf(ReadTimeout);
    expect((stopped as ReadTimeout).status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    // a query on the main thread would have blocked these for the whole 400 ms
    expect(ticks).toBeGreaterThanOrEqual(5);

    expect(await worker.get({ sql: "SELECT 1 AS one", values: [] })).toEqual({ one: 1 });
  });

  it("gives a failing query's SQLite error, with its code, to the caller", async () => {
    const err = (await new ReadWorker(t.file).get({ sql: "SELECT * FROM NoSuchTable", values: [] }).catch((e: unknown) => e)) as {
      message: string;
      code: string;
    };
    expect(err.message).toContain("no such table");
    expect(err.code).toBe("SQLITE_ERROR");
  });
});
