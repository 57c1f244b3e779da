// The server as operators run it (src/server.ts in a child process) starts
// the delivery worker with its settings and stops it on SIGTERM: a webhook
// registered through its API receives the next matching event.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./helpers/app.ts";
import { exited, freePort, killAll, startServer } from "./helpers/server.ts";
import { receiver, until, validSignature, type Receiver } from "./helpers/receiver.ts";
import { openDatabase } from "../src/db.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { createUser, issueToken } from "../src/users/users.service.ts";

const children: ChildProcess[] = [];
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let r: Receiver;
let token: string;

beforeAll(async () => {
  fresh = await freshDatabase();
  const db = await openDatabase(fresh.url);
  await createUser(db, SYSTEM, { email: "admin@example.org", role: "admin", password: "correct horse battery staple" });
  token = await issueToken(db, SYSTEM, "admin@example.org");
  await db.$disconnect();
  r = await receiver();
});
afterAll(async () => {
  killAll(children);
  await r.close();
  await fresh.remove();
});

describe("npm start runs the webhooks' delivery worker", () => {
  it("delivers an event written through the server, with PUBLIC_URL in the body, and exits cleanly on SIGTERM", async () => {
    const port = await freePort();
    const server = await startServer(fresh.url, port, children, {
      WEBHOOKS_ALLOW_PRIVATE: "1",
      WEBHOOKS_RETRY_BASE_MS: "100",
      PUBLIC_URL: "https://claims.example.org/",
    });
    const call = (path: string, body: object) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const created = await call("/api/webhooks", { url: r.url, actions: ["claim.create"] });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    const claim = await call("/api/claims", { statement: "Sent by the server's own worker.", confidence: 20 });
    expect(claim.status).toBe(201);
    const { id } = (await claim.json()) as { id: number };
    const got = await until(() => r.received[0], "the delivery from the server");
    expect(got.json).toMatchObject({ event: { action: "claim.create", subjectId: id }, url: `https://claims.example.org/claims/${id}` });
    expect(validSignature(got.headers["x-claimtrack-signature"], got.raw, secret)).toBe(true);
    server.kill("SIGTERM");
    expect(await exited(server)).toBe(0);
  });
});
