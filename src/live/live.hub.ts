import type { Db } from "../db.ts";
import { AppError, TooManyRequests } from "../errors.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { eventsAfter, headId, missedEvents, type LiveEvent } from "./live.events.ts";
import type { LiveClient } from "./live.stream.ts";

// One hub per process: it polls the AuditEvent table for ids above the last
// one it saw and sends each new event to this process's open streams. The
// table is the only channel, so an event written by any process or app
// server on the database reaches every server's streams, on either engine,
// with no engine-specific code (no LISTEN/NOTIFY, no file watching).
//
// Why "id above the last seen" misses nothing: events are written inside a
// write transaction, and writes go one at a time on both engines (SQLite's
// single writer; on PostgreSQL every transaction first takes one global
// advisory lock, src/postgres/adapter.ts). So an event's id is taken and
// committed before the next writer takes its own: a lower id never becomes
// visible after a higher one. An id taken by a transaction that rolled back
// is never committed, so it is never sent; the gap it leaves is harmless.

/** Settings of the hub (Config["live"]). */
export interface LiveSettings {
  pollMs: number;
  heartbeatMs: number;
  streamsPerUser: number;
  /** a stream is ended this long after it opened (at the next heartbeat): the client's reconnection signs in again, so a stream never outlives its session or token */
  maxAgeMs: number;
}

interface Stream {
  userId: number;
  client: LiveClient;
  /** the id of the last event this stream was sent (or told it had) */
  lastSent: number;
  gone: boolean;
  endsAt: number;
}

/** At most this many missed events are replayed to a client that comes back with Last-Event-ID. */
export const REPLAY_MAX = 100;
const PAGE = 50;
// a burst (an import) is sent over several polls, so one poll never holds the event loop for long
const PAGES_PER_POLL = 4;

/** One SSE message: the event's id (the client's Last-Event-ID) and the event as one line of JSON. */
export const message = (e: LiveEvent) => `id: ${e.id}\ndata: ${JSON.stringify(e)}\n\n`;

const stopping = () => new AppError(503, "unavailable", N_("The server is stopping. Try again in a moment."));

export class LiveHub {
  readonly #streams = new Set<Stream>();
  readonly #perUser = new Map<number, number>();
  /** the id of the newest event this hub has sent; null while nobody listens */
  #cursor: number | null = null;
  // polls and stream openings run one at a time: a replay never interleaves with a poll's events
  #queue: Promise<unknown> = Promise.resolve();
  #poll: NodeJS.Timeout | undefined;
  /** the running poll loop's token: a loop stopped while its poll was under way does not carry on beside a new one */
  #loop: object | undefined;
  #beat: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    private readonly db: Db,
    private readonly settings: LiveSettings,
    private readonly log: (err: unknown) => void,
  ) {}

  /** Open streams, for tests and health. */
  get size(): number {
    return this.#streams.size;
  }

  /**
   * Takes one of a user's stream slots, or refuses: the server is stopping
   * (503), or the user has all theirs open (429). Returns the slot's release.
   */
  reserve(userId: number): () => void {
    if (this.#closed) throw stopping();
    const open = this.#perUser.get(userId) ?? 0;
    const limit = this.settings.streamsPerUser;
    if (open >= limit) throw new TooManyRequests(msg("You have {limit} live streams open already. Close a page, then try again.", { limit }));
    this.#perUser.set(userId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.#perUser.get(userId) ?? 1) - 1;
      if (n > 0) this.#perUser.set(userId, n);
      else this.#perUser.delete(userId);
    };
  }

  /**
   * Starts a stream for a user: every event committed from now on, and when
   * `since` is given, the newest events after it (at most REPLAY_MAX).
   * Resolves once the stream is started; a database fault rejects, before
   * anything is sent. Returns how to leave.
   */
  open(userId: number, client: LiveClient, since: number | null): Promise<() => void> {
    const stream: Stream = { userId, client, lastSent: 0, gone: false, endsAt: Date.now() + this.settings.maxAgeMs };
    const leave = () => this.#leave(stream);
    return this.#serial(async () => {
      if (this.#closed) throw stopping();
      if (stream.gone) return leave;
      const cursor = this.#cursor ?? (await headId(this.db));
      // past the hub's reading, an id is one of the events it has yet to poll; past the head it names no event (made up, or
      // from before a restore), and the stream would skip every event up to it: it counts as the head
      const from = since !== null && since > cursor ? Math.min(since, await headId(this.db)) : since;
      const missed = from !== null && from < cursor ? await missedEvents(this.db, from, cursor, REPLAY_MAX) : [];
      if (stream.gone) return leave;
      this.#cursor = cursor;
      client.start();
      for (const e of missed) client.write(message(e));
      stream.lastSent = Math.max(from ?? 0, cursor);
      this.#streams.add(stream);
      this.#run();
      return leave;
    });
  }

  /** Ends every stream and stops polling; later streams are refused. Waits for a poll under way. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#stop();
    this.#endAll();
    // and a stream that was opening meanwhile: openings after this one are refused
    await this.#serial(async () => this.#endAll());
  }

  #endAll() {
    for (const s of this.#streams) {
      s.gone = true;
      s.client.end();
    }
    this.#streams.clear();
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const done = this.#queue.then(work);
    this.#queue = done.catch(() => {});
    return done;
  }

  #leave(stream: Stream) {
    stream.gone = true;
    if (!this.#streams.delete(stream) || this.#streams.size) return;
    this.#stop();
    // nobody listens: the next stream starts from the head then, not from here
    void this.#serial(async () => {
      if (!this.#streams.size) this.#cursor = null;
    });
  }

  /** The poll and the heartbeat, while someone listens; neither keeps the process up. */
  #run() {
    if (!this.#beat) this.#beat = setInterval(() => this.#heartbeat(), this.settings.heartbeatMs).unref();
    if (this.#loop) return;
    const loop = (this.#loop = {});
    const next = () => {
      this.#poll = setTimeout(() => {
        void this.#serial(() => this.#pollOnce())
          // a database fault (a restart, a lost connection) is logged, and the next poll tries again
          .catch((err: unknown) => this.log(err))
          .finally(() => {
            if (this.#loop === loop && this.#streams.size && !this.#closed) next();
          });
      }, this.settings.pollMs).unref();
    };
    next();
  }

  #stop() {
    clearTimeout(this.#poll);
    clearInterval(this.#beat);
    this.#poll = this.#beat = this.#loop = undefined;
  }

  async #pollOnce(): Promise<void> {
    if (this.#cursor === null || !this.#streams.size) return;
    for (let page = 0; page < PAGES_PER_POLL; page++) {
      const events = await eventsAfter(this.db, this.#cursor, PAGE);
      for (const e of events) {
        const text = message(e);
        for (const s of this.#streams) {
          if (e.id <= s.lastSent) continue;
          s.client.write(text);
          s.lastSent = e.id;
        }
        this.#cursor = e.id;
      }
      if (events.length < PAGE) return;
    }
  }

  /** A heartbeat to each stream, or its end once it is past its age (the client reconnects with Last-Event-ID and misses nothing). */
  #heartbeat() {
    const now = Date.now();
    for (const s of [...this.#streams]) {
      if (s.endsAt > now) s.client.write(": heartbeat\n\n");
      else this.#expire(s);
    }
  }

  #expire(s: Stream) {
    s.client.end();
    this.#leave(s);
  }
}
