// A webhook receiver on loopback, as a newsroom's would be: a node:http
// server that keeps each request's headers and exact raw body, and answers
// with the status a test sets (or is not listening at all, when closed).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  /** the body parsed; `any`, as supertest's bodies are in the tests */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** the status the next requests get; "hang": no answer at all (the request is kept, unanswered) */
  answer: number | "hang";
  /** starts listening (again) on the same port */
  listen(): Promise<void>;
  close(): Promise<void>;
}

/** A receiver listening on a port the OS gives; `down` leaves it closed (nothing listening on its port) until listen(). */
export async function receiver({ down = false } = {}): Promise<Receiver> {
  let server: Server | null = null;
  const r: Receiver = {
    url: "",
    port: 0,
    received: [],
    answer: 200,
    listen: () =>
      new Promise((resolve) => {
        server = createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on("data", (c: Buffer) => chunks.push(c));
          req.on("end", () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            r.received.push({ headers: req.headers, raw, json: JSON.parse(raw) });
            if (r.answer === "hang") return;
            res.writeHead(r.answer, { "Content-Type": "text/plain" }).end(r.answer < 300 ? "ok" : "receiver failed");
          });
        });
        server.listen(r.port, "127.0.0.1", () => {
          r.port = (server!.address() as { port: number }).port;
          r.url = `http://127.0.0.1:${r.port}/hook`;
          resolve();
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
        server = null;
      }),
  };
  await r.listen();
  if (down) await r.close();
  return r;
}

/** Whether a signature header is the HMAC-SHA256 of the raw body with the secret, as a receiver checks it. */
export function validSignature(header: string | string[] | undefined, raw: string, secret: string): boolean {
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", secret).update(raw).digest();
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Polls until check() gives a truthy value (the condition, not a fixed sleep); fails after `ms`. */
export async function until<T>(check: () => Promise<T> | T, what: string, ms = 20_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
