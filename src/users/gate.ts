import { AppError } from "../errors.ts";
import { N_ } from "../i18n/i18n.ts";

/** Too many password hashes already running or waiting: answered at once, not queued. */
export class Busy extends AppError {
  constructor() {
    super(503, "busy", N_("Too many sign-ins are being checked right now. Wait a few seconds and try again."));
  }
}

export interface Ticket {
  /** who is asking (an address): one of them may hold only a few places */
  key?: string;
  /** higher goes first and takes the place of lower when the queue is full (trusted 2, plain 1, suspect 0) */
  rank?: number;
}

interface Waiting {
  ticket: Ticket;
  start: () => void;
  reject: (err: Busy) => void;
}

const rank = (t: Ticket) => t.rank ?? 1;

/**
 * A semaphore with a bounded queue for CPU-heavy work (argon2). It bounds
 * what a password spray can cost this process: at most `running` hashes at
 * once and `queued` waiting; past that, or past `perKey` places for one
 * address, the answer is Busy at once. A request of a higher rank waits
 * ahead of lower ones and, when the queue is full, takes the place of the
 * newest lower one: a spray cannot keep a returning user waiting.
 */
export class Gate {
  private active = 0;
  private readonly waiting: Waiting[] = [];
  private readonly held = new Map<string, number>();

  constructor(private readonly limits = { running: 1, queued: 4, perKey: 2 }) {}

  /** Whether work with this ticket would be refused right now (checked before spending anything on it). */
  refuses(ticket: Ticket): boolean {
    if (ticket.key !== undefined && (this.held.get(ticket.key) ?? 0) >= this.limits.perKey) return true;
    return this.active >= this.limits.running && this.waiting.length >= this.limits.queued && !this.waiting.some((w) => rank(w.ticket) < rank(ticket));
  }

  async run<T>(ticket: Ticket, work: () => Promise<T>): Promise<T> {
    await this.enter(ticket);
    try {
      return await work();
    } finally {
      this.leave(ticket);
    }
  }

  private enter(ticket: Ticket): Promise<void> {
    if (this.refuses(ticket)) return Promise.reject(new Busy());
    this.hold(ticket, +1);
    if (this.active < this.limits.running) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queued) {
      const victim = this.waiting.findLastIndex((w) => rank(w.ticket) < rank(ticket));
      const [dropped] = this.waiting.splice(victim, 1);
      this.hold(dropped!.ticket, -1);
      dropped!.reject(new Busy());
    }
    return new Promise((start, reject) => {
      const behind = this.waiting.findIndex((w) => rank(w.ticket) < rank(ticket));
      this.waiting.splice(behind < 0 ? this.waiting.length : behind, 0, { ticket, start, reject });
    });
  }

  private leave(ticket: Ticket): void {
    this.hold(ticket, -1);
    const next = this.waiting.shift();
    if (next) next.start();
    else this.active--;
  }

  private hold(ticket: Ticket, delta: number): void {
    if (ticket.key === undefined) return;
    const n = (this.held.get(ticket.key) ?? 0) + delta;
    if (n > 0) this.held.set(ticket.key, n);
    else this.held.delete(ticket.key);
  }
}
