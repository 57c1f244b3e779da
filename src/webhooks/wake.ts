// The delivery worker polls the outbox; a write this process just made may
// have added to it, so the worker is woken at once instead of at its next
// poll. Only this process's worker hears it: another server's finds the
// delivery at its next poll, a second or so later.
import { EventEmitter } from "node:events";
import type { NextFunction, Request, Response } from "express";

const bell = new EventEmitter();
bell.setMaxListeners(0);

export const wakeDeliveries = () => void bell.emit("wake");

/** Calls `listener` on every wake; returns how to stop listening. */
export function onWake(listener: () => void): () => void {
  bell.on("wake", listener);
  return () => void bell.off("wake", listener);
}

/** Middleware: a write that succeeded (a POST, PATCH or DELETE answered below 400) wakes the worker once it is answered, after its commit. */
export function wakeAfterWrites(req: Request, res: Response, next: NextFunction) {
  if (req.method !== "GET" && req.method !== "HEAD") res.once("finish", () => (res.statusCode < 400 ? wakeDeliveries() : undefined));
  next();
}
