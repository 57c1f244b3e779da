// A claim's times as forms and the API send them, read into what is stored.
// Either `occurredAt` (an ISO instant; a bare date is that whole day) or
// `occurredDate` with `occurredTime` and/or `occurredPrecision`, both in
// `occurredZone`. A time written without an offset is the zone's wall-clock
// time (UTC when no zone is given), firstReportedAt's included.

import { Invalid, type FieldErrors } from "../errors.ts";
import { instant } from "../validation.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { fromLocal, localClockText, localDateText, localTime, spanMiddle, zoneLabel, zoneOf, type Occurrence, type Precision } from "./occurred.ts";

export const DATE_TIME_ERROR = N_("Must be a date and time in the years 1000 to 9999, e.g. 2023-11-20T06:00 (UTC) or 2023-11-20T07:00+01:00.");
const REPORTED_ERROR = N_(
  "Must be a date and time in the years 1000 to 9999, e.g. 2023-11-20 14:00 in the zone of the claim's time, or 2023-11-20T07:00+01:00.",
);
const DATE_ERROR = N_("Must be a real calendar date in the years 1000 to 9999, written like 2023-11-16.");
const TIME_ERROR = N_("Must be a time from 00:00 to 23:59, written like 14:00.");
const NEEDS_TIME = N_("Give the time, or choose a part of the day or the whole day as the precision.");
const SPAN_HAS_NO_TIME = N_("A part of the day or a whole day has no time of its own: clear the time, or choose “Exact time”.");
const DATE_FIRST = N_("Give the date that the time, precision and zone go with.");
const ONE_OF_TWO = N_("Give occurredAt or occurredDate, not both.");

/** The time fields as the claim schemas pass them: absent (undefined), cleared (null) or as sent. */
export interface TimeInput {
  occurredAt?: unknown;
  occurredDate?: unknown;
  occurredTime?: unknown;
  occurredPrecision?: Precision;
  occurredZone?: string;
  firstReportedAt?: unknown;
}

export type TimeValues = Partial<Occurrence> & { firstReportedAt?: Date | null };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?$/;
const OFFSET = /(Z|[+-]\d{2}:\d{2})$/i;

/** A calendar date that exists ("2023-02-30" does not), or null. */
function readDate(s: unknown) {
  const m = typeof s === "string" ? DATE.exec(s.trim()) : null;
  return m && instant(m[0]) ? { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]) } : null;
}

function readClock(s: string) {
  const m = TIME.exec(s.trim());
  return m ? { h: Number(m[1]), mi: Number(m[2]), s: Number(m[3] ?? 0), ms: Math.floor(+`0.${m[4] ?? 0}` * 1000) } : null;
}

/** An ISO date-time; without an offset, the zone's wall-clock time. "2023-11-20 14:00" is read like "2023-11-20T14:00". */
export function instantIn(s: string, zone: string): Date | null {
  const text = s.trim().replace(" ", "T");
  if (zone === "UTC" || OFFSET.test(text)) return instant(text);
  const [datePart, clockPart = "00:00"] = text.split("T");
  const date = readDate(datePart);
  const clock = readClock(clockPart);
  return date && clock ? ranged(fromLocal({ ...date, ...clock }, zone, clock.ms)) : null;
}

const present = (v: unknown) => v !== undefined && v !== null;

/** In the years the database's ISO text holds: a zone can carry 9999-12-31 into the year 10000. */
const ranged = (d: Date | null) => (d && d.getUTCFullYear() >= 1000 && d.getUTCFullYear() <= 9999 ? d : null);

/** A date with a time or a span, in a zone: what is stored, or the field that is wrong and why. */
function fromParts(dateText: unknown, timeText: unknown, precision: Precision | undefined, zone: string, dateField: string) {
  const date = readDate(dateText);
  // through occurredAt, the message says what that field takes
  if (!date) return { error: [dateField, dateField === "occurredAt" ? DATE_TIME_ERROR : DATE_ERROR] as const };
  const p = precision ?? (present(timeText) ? "instant" : "day");
  if (p !== "instant") {
    if (present(timeText)) return { error: ["occurredTime", SPAN_HAS_NO_TIME] as const };
    const middle = ranged(spanMiddle(date, p, zone));
    if (!middle) return { error: [dateField, DATE_ERROR] as const };
    return { value: { occurredAt: middle, occurredPrecision: p, occurredZone: zone } };
  }
  if (!present(timeText)) return { error: ["occurredTime", NEEDS_TIME] as const };
  const clock = typeof timeText === "string" ? readClock(timeText) : null;
  if (!clock) return { error: ["occurredTime", TIME_ERROR] as const };
  const at = fromLocal({ ...date, ...clock }, zone, clock.ms);
  if (at && !ranged(at)) return { error: [dateField, DATE_ERROR] as const };
  if (!at) {
    const skipped = { time: (timeText as string).trim(), date: localDateText({ ...date, h: 0, mi: 0, s: 0 }), zone: msg(zoneLabel(zone)) };
    return { error: ["occurredTime", msg("There was no {time} on {date} in {zone}: the clocks went forward over it. Check the time.", skipped)] as const };
  }
  return { value: { occurredAt: at, occurredPrecision: p, occurredZone: zone } };
}

/** The stored values of the times sent, and a message for each field that is wrong. */
export function readTimes(d: TimeInput): { values: TimeValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: TimeValues = {};
  const zone = d.occurredZone === undefined ? "UTC" : zoneOf(d.occurredZone);
  if (!zone)
    errors.occurredZone = msg("“{zone}” is not a time zone this server knows: choose one of the list, or give an IANA name such as Asia/Tokyo.", {
      zone: d.occurredZone,
    });
  const z = zone ?? "UTC";
  if (d.firstReportedAt !== undefined) {
    const at = d.firstReportedAt === null ? null : typeof d.firstReportedAt === "string" ? instantIn(d.firstReportedAt, z) : undefined;
    if (at === undefined || (at === null && d.firstReportedAt !== null)) errors.firstReportedAt = d.occurredZone ? REPORTED_ERROR : DATE_TIME_ERROR;
    else values.firstReportedAt = at;
  }
  if (d.occurredAt === undefined && d.occurredDate === undefined) {
    if (present(d.occurredTime) || d.occurredPrecision !== undefined) errors.occurredDate = DATE_FIRST;
    return { values, errors };
  }
  const result = (() => {
    if (present(d.occurredAt) && present(d.occurredDate)) return { error: ["occurredAt", ONE_OF_TWO] as const };
    if (present(d.occurredDate)) return fromParts(d.occurredDate, d.occurredTime, d.occurredPrecision, z, "occurredDate");
    if (!present(d.occurredAt)) {
      if (present(d.occurredTime)) return { error: ["occurredDate", DATE_FIRST] as const };
      return { value: { occurredAt: null, occurredPrecision: "instant", occurredZone: z } };
    }
    if (typeof d.occurredAt !== "string") return { error: ["occurredAt", DATE_TIME_ERROR] as const };
    // a bare date says which day, not a midnight
    if (DATE.test(d.occurredAt.trim())) return fromParts(d.occurredAt, d.occurredTime, d.occurredPrecision, z, "occurredAt");
    const at = instantIn(d.occurredAt, z);
    if (!at) return { error: ["occurredAt", DATE_TIME_ERROR] as const };
    if (!d.occurredPrecision || d.occurredPrecision === "instant") return { value: { occurredAt: at, occurredPrecision: "instant", occurredZone: z } };
    // an instant with a span: the span of its day in the zone (an export's middle gives back its own span)
    return fromParts(localDateText(localTime(at, z)), null, d.occurredPrecision, z, "occurredAt");
  })();
  if ("error" in result && result.error) errors[result.error[0]] = result.error[1];
  else if (zone) Object.assign(values, result.value);
  return { values, errors };
}

/** A claim's times as the form's fields: the date, time and first report in the claim's own zone. */
export function timeFormValues(c: Occurrence & { firstReportedAt: Date | null }) {
  const at = c.occurredAt && localTime(c.occurredAt, c.occurredZone);
  const reported = c.firstReportedAt && localTime(c.firstReportedAt, c.occurredZone);
  return {
    occurredDate: at ? localDateText(at) : "",
    occurredTime: at && c.occurredPrecision === "instant" ? localClockText(at) : "",
    occurredPrecision: c.occurredPrecision,
    occurredZone: c.occurredZone,
    firstReportedAt: reported ? `${localDateText(reported)} ${localClockText(reported)}` : "",
  };
}

/** The input with its times read into the stored values; a 422 naming each wrong field. */
export function withTimes<T extends TimeInput>(data: T) {
  const { occurredAt, occurredDate, occurredTime, occurredPrecision, occurredZone, firstReportedAt, ...rest } = data;
  const { values, errors } = readTimes(data);
  if (Object.keys(errors).length) throw new Invalid(errors);
  return { ...rest, ...values };
}
