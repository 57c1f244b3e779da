// Typed errors thrown by services; the error handler maps them to pages and JSON.
// Their messages are English message ids (or Messages with values): the API
// answers in English, a page in the reader's language.
import { msg, N_, type Translatable } from "./i18n/i18n.ts";

export type FieldErrors = Record<string, Translatable>;

export class AppError extends Error {
  /** the message as a page translates it; `message` is its English text */
  readonly text: Translatable;
  constructor(
    readonly status: number,
    readonly code: string,
    message: Translatable,
  ) {
    super(String(message));
    this.text = message;
    this.name = new.target.name;
  }
}

export class BadRequest extends AppError {
  constructor(message: Translatable) {
    super(400, "bad_request", message);
  }
}

export class Unauthorized extends AppError {
  constructor(message: Translatable = N_("Please sign in to continue.")) {
    super(401, "unauthorized", message);
  }
}

export class Forbidden extends AppError {
  constructor(message: Translatable = N_("Your role does not allow this.")) {
    super(403, "forbidden", message);
  }
}

export class NotFound extends AppError {
  constructor(what: Translatable = N_("That page")) {
    super(404, "not_found", msg("{what} was not found.", { what: typeof what === "string" ? msg(what) : what }));
  }
}

/** A stale write: `current` is the record as it is now, for the conflict page. */
export class Conflict extends AppError {
  constructor(
    message: Translatable,
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
    message: Translatable,
    readonly existing: ExistingRecord,
  ) {
    super(message, undefined, "duplicate");
  }
}

/** Too many requests of an expensive kind; the limiter sets Retry-After. */
export class TooManyRequests extends AppError {
  constructor(message: Translatable) {
    super(429, "too_many_requests", message);
  }
}

export class Invalid extends AppError {
  constructor(
    readonly fields: FieldErrors,
    message: Translatable = N_("Some fields need attention."),
    status = 422,
  ) {
    super(status, "invalid", message);
  }
}

/** A form the database could not take now (busy, disk full): it comes back with the input and the reason, as a 503. */
export const unsaved = (message: Translatable) => new Invalid({ unsaved: message }, message, 503);

/**
 * Optimistic locking: the record as it is, when it is still at the version
 * the editor started from (or none was sent); otherwise a Conflict carrying
 * the current record, for the conflict page.
 */
export function atVersion<T extends { version: number }>(current: T, version: number | undefined, noun: string): T {
  if (version !== undefined && current.version !== version) {
    throw new Conflict(
      msg("Someone changed this {noun} while you were editing (you started from version {version}; it is now at version {current}). Nothing was saved.", {
        noun: msg(noun),
        version,
        current: current.version,
      }),
      current,
    );
  }
  return current;
}

/** A read that ran past its budget: the server is not broken, the question was too broad. */
export class ReadTimeout extends AppError {
  constructor() {
    super(503, "timeout", N_("That search took too long and was stopped. Add a word, or filter the list, and try again."));
  }
}
