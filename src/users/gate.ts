import { AppError } from "../errors.ts";

/** Too many password hashes already running or waiting: answered at once, not queued. */
export class Busy extends AppError {
  constructor() {
    super(503, "busy", "Too many sign-ins are being checked right now. Wait a few seconds and try again.");
  }
}

export interface Ticket {
  /** who is asking (an address): one of them may hold only a few places */
  key?: string;
  /** suspect work (a key with recent failures) waits behind the rest and is dropped first */
  suspect?: boolean;
}

interface Waiting extends Ticket {
  start: () => void;
  reject: (err: Busy) => void;
}

/**
 * A semaphore with a bounded queue for CPU-heavy work (argon2). It bounds
 * what a password spray can cost this process: at most `running` hashes at
 * once and `queued` waiting; past that, or past `perKey` places for one
 * address, the answer is Busy at once. An honest request (not suspect)
 * takes the place of a waiting suspect one, so a spray cannot make it wait
 * behind the whole queue.
 */
export class Gate {
  private active = 0;
  private readonly waiting: Waiting[] = [];
  private readonly held = new Map<string, number>();

  constructor(private readonly limits = { running: 2, queued: 6, perKey: 2 }) {}

  async run<T>(ticket: Ticket, work: () => Promise<T>): Promise<T> {
    await this.enter(ticket);
    try {
      return await work();
    } finally {
      this.leave(ticket);
    }
  }

  private enter(ticket: Ticket): Promise<void> {
    if (ticket.key !== undefined && (this.held.get(ticket.key) ?? 0) >= this.limits.perKey) return Promise.reject(new Busy());
    if (this.active < this.limits.running) {
      this.hold(ticket, +1);
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queued) {
      const victim = ticket.suspect ? -1 : this.waiting.findLastIndex((w) => w.suspect);
      if (victim < 0) return Promise.reject(new Busy());
      const [dropped] = this.waiting.splice(victim, 1);
      this.hold(dropped!, -1);
      dropped!.reject(new Busy());
    }
    this.hold(ticket, +1);
    return new Promise((start, reject) => {
      const entry = { ...ticket, start, reject };
      const firstSuspect = ticket.suspect ? -1 : this.waiting.findIndex((w) => w.suspect);
      if (firstSuspect < 0) this.waiting.push(entry);
      else this.waiting.splice(firstSuspect, 0, entry);
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
