// Typed errors thrown by services; the error handler maps them to pages and JSON.

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequest extends AppError {
  constructor(message: string) {
    super(400, "bad_request", message);
  }
}

export class Unauthorized extends AppError {
  constructor(message = "Please sign in to continue.") {
    super(401, "unauthorized", message);
  }
}

export class Forbidden extends AppError {
  constructor(message = "Your role does not allow this.") {
    super(403, "forbidden", message);
  }
}

export class NotFound extends AppError {
  constructor(what = "That page") {
    super(404, "not_found", `${what} was not found.`);
  }
}

/** A stale write: `current` is the record as it is now, for the conflict page. */
export class Conflict extends AppError {
  constructor(
    message: string,
    readonly current?: unknown,
    code = "conflict",
  ) {
    super(409, code, message);
  }
}

/** The record a new one looks like: its page (`url`), and the name, alias or address that matched. */
export interface ExistingRecord {
  id: number;
  name?: string;
  title?: string;
  url: string;
  matched: string;
}

/**
 * A new record that looks like one already in the ledger (409 "duplicate").
 * A Conflict, so the forms that re-render on one get it too; sent again with
 * confirmDuplicate, it is created.
 */
export class Duplicate extends Conflict {
  constructor(
    message: string,
    readonly existing: ExistingRecord,
  ) {
    super(message, undefined, "duplicate");
  }
}

/** Too many requests of an expensive kind; the limiter sets Retry-After. */
export class TooManyRequests extends AppError {
  constructor(message: string) {
    super(429, "too_many_requests", message);
  }
}

export class Invalid extends AppError {
  constructor(
    readonly fields: FieldErrors,
    message = "Some fields need attention.",
    status = 422,
  ) {
    super(status, "invalid", message);
  }
}

/** A form the database could not take now (busy, disk full): it comes back with the input and the reason, as a 503. */
export const unsaved = (message: string) => new Invalid({ unsaved: message }, message, 503);

/**
 * Optimistic locking: the record as it is, when it is still at the version
 * the editor started from (or none was sent); otherwise a Conflict carrying
 * the current record, for the conflict page.
 */
export function atVersion<T extends { version: number }>(current: T, version: number | undefined, noun: string): T {
  if (version !== undefined && current.version !== version) {
    throw new Conflict(
      `Someone changed this ${noun} while you were editing (you started from version ${version}; it is now at version ${current.version}). Nothing was saved.`,
      current,
    );
  }
  return current;
}
