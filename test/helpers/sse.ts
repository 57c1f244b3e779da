// A Server-Sent Events client for the tests of GET /events: fetch's streamed
// body, parsed into messages (id, data), comments and the retry hint as they
// arrive. Tests poll for what they expect (vi.waitFor), never sleep.
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";
import type { LiveEvent } from "../../src/live/live.events.ts";

export interface SseMessage {
  id: string | undefined;
  data: LiveEvent;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** the JSON body of a refusal (not 200) */
  body: { error: { code: string; message: string } } | undefined;
  messages: SseMessage[];
  comments: string[];
  retry: number | undefined;
  /** resolves when the server ends the stream */
  ended: Promise<void>;
  isEnded(): boolean;
  /** waits until a message satisfies `test` (10 s at most), and returns it */
  waitFor(test: (data: LiveEvent) => boolean): Promise<SseMessage>;
  close(): void;
}

/** Opens GET /events on base (with `query`, "?lastEventId=3"); resolves once the response's headers are in (the stream has started, or was refused). */
export async function openStream(base: string, headers: Record<string, string> = {}, query = ""): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(`${base}/events${query}`, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  const stream: SseStream = {
    status: res.status,
    headers: res.headers,
    body: undefined,
    messages: [],
    comments: [],
    retry: undefined,
    ended: Promise.resolve(),
    isEnded: () => done,
    async waitFor(test) {
      return vi.waitFor(
        () => {
          const found = stream.messages.find((m) => test(m.data));
          if (!found) throw new Error(`no such message yet; got ${JSON.stringify(stream.messages.map((m) => m.data.action))}`);
          return found;
        },
        { timeout: 10_000, interval: 20 },
      );
    },
    close: () => abort.abort(),
  };
  let done = false;
  if (res.status !== 200) {
    stream.body = (await res.json()) as SseStream["body"];
    done = true;
    return stream;
  }
  stream.ended = read(res.body!, stream).then(
    () => void (done = true),
    () => void (done = true),
  );
  return stream;
}

async function read(body: ReadableStream<Uint8Array>, stream: SseStream) {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = block.split("\n");
      let id: string | undefined;
      const data: string[] = [];
      for (const line of fields) {
        if (line.startsWith(":")) stream.comments.push(line.slice(1).trim());
        else if (line.startsWith("retry: ")) stream.retry = Number(line.slice(7));
        else if (line.startsWith("id: ")) id = line.slice(4);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
      }
      if (data.length) stream.messages.push({ id, data: JSON.parse(data.join("\n")) as LiveEvent });
    }
  }
}

/** Listens on a free loopback port; returns the base URL and how to stop (ending any stream still open). */
export async function listen(app: { listen(port: number, host: string): Server }): Promise<{ base: string; server: Server; stop: () => Promise<void> }> {
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
