import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** An http(s) address, or unset; an empty value (VAR= in a compose file) counts as unset. */
const optionalWebUrl = (name: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url({ protocol: /^https?$/, error: `${name} must be an address starting with http:// or https://` }).optional(),
  );

// The environment, parsed once. Everything else receives a Config.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "DATABASE_URL must be a SQLite file URL such as file:./data/claims.db, or a PostgreSQL URL such as postgresql://user@host/claimtrack",
    )
    .default("file:./data/claims.db"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  NEWSROOM_NAME: z.string().min(1).default("Claimtrack Newsroom"),
  PUBLIC_URL: optionalWebUrl("PUBLIC_URL"),
  NEWSROOM_URL: optionalWebUrl("NEWSROOM_URL"),
  LOG_REQUESTS: z.enum(["0", "1"]).optional(),
  MIN_FREE_DISK_MB: z.coerce.number().int().min(0).default(64),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  WEBHOOKS_ALLOW_PRIVATE: z.enum(["0", "1"], { error: "WEBHOOKS_ALLOW_PRIVATE must be 0 or 1" }).default("0"),
  WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  LIVE_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(750),
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(50).max(300_000).default(20_000),
  LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  LIVE_STREAM_MAX_MS: z.coerce.number().int().min(100).max(86_400_000).default(600_000),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string;
  /** folder of the SQLite file, or ./data with PostgreSQL: a generated session secret is kept there */
  dataDir: string;
  sessionSecret: string;
  newsroomName: string;
  /** the newsroom's own site, for the author of its ClaimReviews; null when not set */
  newsroomUrl: string | null;
  /** the base of absolute URLs (no trailing slash): PUBLIC_URL, else this server's own origin (see ownOrigin) */
  publicUrl: string;
  logRequests: boolean;
  /** /healthz reports that writes may fail when the database's disk has less free space than this */
  minFreeDiskMB: number;
  /** server processes sharing the port (src/workers.ts); 1 serves from the one process */
  workers: number;
  /** webhooks may target private, loopback and link-local addresses (a test receiver, a newsroom's own chat server) */
  webhooksAllowPrivate: boolean;
  /** the first retry of a failed webhook delivery waits about this long; each next one twice as long (src/webhooks/deliveries.ts) */
  webhooksRetryBaseMs: number;
  /** the live stream (src/live/): how often new audit events are looked for, a heartbeat's interval, open streams per account, how long one lasts */
  live: { pollMs: number; heartbeatMs: number; streamsPerUser: number; maxAgeMs: number };
}

/** A DATABASE_URL as a log shows it: without its password. */
export function shownUrl(databaseUrl: string): string {
  if (databaseUrl.startsWith("file:")) return databaseUrl;
  const url = new URL(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

/** The SQLite file a DATABASE_URL names; null for a PostgreSQL URL. */
export function databasePath(databaseUrl: string): string | null {
  return databaseUrl.startsWith("file:") ? databaseUrl.replace(/^file:/, "") : null;
}

/** The secret from the environment, or one generated on first start and kept in the data folder. */
function loadSessionSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/**
 * The origin a server listening on host and port answers at, for absolute URLs
 * when PUBLIC_URL is unset: never a request's Host header, which any client
 * sets to what it likes (and a cache may then serve to everyone).
 */
export function ownOrigin(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const file = databasePath(e.DATABASE_URL);
  const dataDir = file ? path.dirname(path.resolve(file)) : path.resolve("data");
  mkdirSync(dataDir, { recursive: true });
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret: loadSessionSecret(dataDir, e.SESSION_SECRET),
    newsroomName: e.NEWSROOM_NAME,
    newsroomUrl: e.NEWSROOM_URL ?? null,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, "") ?? ownOrigin(e.HOST, e.PORT),
    logRequests: e.LOG_REQUESTS ? e.LOG_REQUESTS === "1" : e.NODE_ENV !== "test",
    minFreeDiskMB: e.MIN_FREE_DISK_MB,
    workers: e.WORKERS,
    webhooksAllowPrivate: e.WEBHOOKS_ALLOW_PRIVATE === "1",
    webhooksRetryBaseMs: e.WEBHOOKS_RETRY_BASE_MS,
    live: { pollMs: e.LIVE_POLL_MS, heartbeatMs: e.LIVE_HEARTBEAT_MS, streamsPerUser: e.LIVE_STREAMS_PER_USER, maxAgeMs: e.LIVE_STREAM_MAX_MS },
  };
}
