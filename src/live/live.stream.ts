import type { Request, Response } from "express";
import { z } from "zod";

/** How long a browser waits before reconnecting a dropped stream (the SSE retry: hint). */
export const RETRY_MS = 3000;

/**
 * The Last-Event-ID a reconnecting EventSource sends (or ?lastEventId=, for
 * clients that cannot set headers). Anything but an event id means "none":
 * the stream then starts from now, as a first connection does.
 */
export const lastEventId = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .nullable()
  .catch(null);

export const sinceOf = (req: Request) => lastEventId.parse(req.get("last-event-id") ?? req.query.lastEventId ?? null);

/**
 * What a stream may hold that its client has not read, on top of what the
 * network buffers: some thousands of events. Past it the stream
 * is cut; a client that is still there reconnects with Last-Event-ID.
 */
export const UNSENT_MAX = 1024 * 1024;

/** A client's side of a stream: how to start it, send it text and end it. */
export interface LiveClient {
  start(): void;
  write(text: string): void;
  end(): void;
}

/** An SSE response as the hub's client. */
export function sseClient(res: Response): LiveClient {
  return {
    start() {
      res.status(200).set({
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: a proxy must not compress or rewrite the stream; X-Accel-Buffering: nginx must not hold it back
        "Cache-Control": "no-cache, no-transform",
        "X-Accel-Buffering": "no",
        // the connection ends with the stream (on shutdown): nothing waits on an idle keep-alive socket then
        Connection: "close",
      });
      res.flushHeaders();
      res.socket?.setNoDelay(true);
      res.write(`retry: ${RETRY_MS}\n\n`);
    },
    write(text) {
      if (res.destroyed) return;
      res.write(text);
      // a client that does not read (a stalled tab, a hostile client) would have the server keep every event for it
      if (res.writableLength > UNSENT_MAX) res.destroy();
    },
    end: () => void res.end(),
  };
}
