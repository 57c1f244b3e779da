import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from "pino";
import { pinoHttp } from "pino-http";

// One JSON line per request (pino), each with its request id, so that the
// logs of several app servers behind a proxy can be read together: the id a
// proxy sends in X-Request-Id is kept, else one is made, and every answer
// names it in its own X-Request-Id. What identifies a person is never
// logged: no cookie, no Authorization header, no body; the account by its id.

const GIVEN_ID = /^[\w.:-]{1,128}$/;

/** The process's logger: JSON lines, ISO times, the process id (a worker's own). */
export const createLogger = (destination?: DestinationStream): Logger => pino({ base: { pid: process.pid }, timestamp: stdTimeFunctions.isoTime }, destination);

/** Gives every request its id (the proxy's, when it is a plain token), and every answer the header. */
export function requestIds(req: Request, res: Response, next: NextFunction) {
  const given = req.headers["x-request-id"];
  req.id = typeof given === "string" && GIVEN_ID.test(given) ? given : randomUUID();
  res.setHeader("X-Request-Id", String(req.id));
  next();
}

/** The request log: method, path with its query, status, milliseconds, the signed-in account's id. */
export const requestLog = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: (req) => req.id,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req) => ({ userId: (req as Request).user?.id ?? null }),
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    customSuccessMessage: (req, res) => `${req.method} ${(req as Request).originalUrl} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${(req as Request).originalUrl} ${res.statusCode}`,
  });
