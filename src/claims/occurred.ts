// When a claim's event happened, as precisely as its source says: an instant,
// or a part of a day or a whole day in the zone of the source's wording
// ("dans la soirée du 16 novembre, heure locale" is an evening in San
// Francisco, not midnight UTC). occurredAt stays one UTC instant, for
// sorting: the instant itself, or the middle of the span.
// Zone arithmetic is done with Intl alone: it knows every IANA zone's rules.
import { msg, N_, translate, translator, type Message, type Translator } from "../i18n/i18n.ts";

export const PRECISIONS = ["instant", "morning", "afternoon", "evening", "night", "day"] as const;
export type Precision = (typeof PRECISIONS)[number];
export type Span = Exclude<Precision, "instant">;

/** Each span as local hours [from, to) of its day, in the claim's zone. */
export const SPANS: Record<Span, readonly [number, number]> = {
  night: [0, 6],
  morning: [6, 12],
  afternoon: [12, 18],
  evening: [18, 24],
  day: [0, 24],
};

/** The form's choices, as whole sentences. */
export const PRECISION_CHOICES: readonly { id: Precision; label: string }[] = [
  { id: "instant", label: N_("Exact time") },
  { id: "morning", label: N_("Morning (06:00–12:00)") },
  { id: "afternoon", label: N_("Afternoon (12:00–18:00)") },
  { id: "evening", label: N_("Evening (18:00–24:00)") },
  { id: "night", label: N_("Night (00:00–06:00)") },
  { id: "day", label: N_("The whole day") },
];

/** The zones the newsroom reads most, named by city; any other IANA name works too. */
export const ZONES = [
  { id: "UTC", label: N_("UTC") },
  { id: "Asia/Shanghai", label: N_("Beijing") },
  { id: "America/Los_Angeles", label: N_("San Francisco") },
  { id: "America/New_York", label: N_("New York") },
  { id: "Europe/Paris", label: N_("Paris") },
] as const;

/** The zone's name as Intl spells it ("asia/shanghai" → "Asia/Shanghai"), or null for a zone Intl does not know. */
export function canonicalZone(tz: string): string | null {
  if (tz.length > 100) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const english = translator("en");

/** A zone typed by an editor: a city of the list in either language ("Beijing", "Pékin") or an IANA name. */
export function zoneOf(text: string): string | null {
  const t = text.trim().toLowerCase();
  const named = (label: string) => label.toLowerCase() === t || translate("fr", label).toLowerCase() === t;
  return ZONES.find((z) => named(z.label))?.id ?? canonicalZone(text.trim());
}

/** The zone's city in the reader's language ("Pékin"), or its IANA name. */
export const zoneLabel = (zone: string, t: Translator = english) => {
  const z = ZONES.find((z) => z.id === zone);
  return z ? t(z.label) : zone;
};

export interface LocalTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

// one formatter a zone: zones are checked names, so the cache stays small
const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in the zone at an instant. */
export function localTime(at: Date, zone: string): LocalTime {
  if (zone === "UTC")
    return { y: at.getUTCFullYear(), mo: at.getUTCMonth() + 1, d: at.getUTCDate(), h: at.getUTCHours(), mi: at.getUTCMinutes(), s: at.getUTCSeconds() };
  let f = partFormats.get(zone);
  if (!f) {
    const two = "2-digit" as const;
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: two, day: two, hour: two, minute: two, second: two });
    partFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

const DAY = 24 * 3600_000;
const wallOf = (t: LocalTime) => Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s);
/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
const offsetAt = (ms: number, zone: string) => wallOf(localTime(new Date(ms), zone)) - Math.floor(ms / 1000) * 1000;

/**
 * The instant the zone's clocks showed this wall time; null when they never
 * did (the hour skipped when clocks go forward). A time shown twice (when
 * clocks go back) is the first of the two.
 */
export function fromLocal(t: LocalTime, zone: string, ms = 0): Date | null {
  const wall = wallOf(t) + ms;
  // the zone's offsets a day either side cover both sides of any change of its clocks
  const candidates = [wall - offsetAt(wall - DAY, zone), wall - offsetAt(wall + DAY, zone)];
  const exact = candidates.filter((c) => offsetAt(c, zone) === wall - c);
  return exact.length ? new Date(Math.min(...exact)) : null;
}

/** Where a span begins or ends: at a skipped midnight (some zones change their clocks then), the first instant after it. */
function boundary(date: LocalTime, hour: number, zone: string): number {
  const t = { ...date, h: hour, mi: 0, s: 0 };
  return fromLocal(t, zone)?.getTime() ?? wallOf(t) - offsetAt(wallOf(t) + DAY, zone);
}

/** The span's first and last instants (its end excluded), for a local date. */
export function spanBounds(date: Pick<LocalTime, "y" | "mo" | "d">, span: Span, zone: string) {
  const day = { ...date, h: 0, mi: 0, s: 0 };
  const [from, to] = SPANS[span];
  return { start: new Date(boundary(day, from, zone)), end: new Date(boundary(day, to, zone)) };
}

/** The stored instant of a span: its middle, in UTC. */
export function spanMiddle(date: Pick<LocalTime, "y" | "mo" | "d">, span: Span, zone: string): Date {
  const { start, end } = spanBounds(date, span, zone);
  return new Date(start.getTime() + (end.getTime() - start.getTime()) / 2);
}

export interface Occurrence {
  occurredAt: Date | null;
  occurredPrecision: string;
  occurredZone: string;
}

/** When the claim's event may have happened: [start, end), a single instant for an exact time. */
export function occurredBounds(c: Occurrence & { occurredAt: Date }) {
  if (c.occurredPrecision === "instant" || !(c.occurredPrecision in SPANS)) return { start: c.occurredAt, end: c.occurredAt };
  return spanBounds(localTime(c.occurredAt, c.occurredZone), c.occurredPrecision as Span, c.occurredZone);
}

const pad = (n: number) => String(n).padStart(2, "0");
/** "2023-11-16", the zone's date of an instant (a span's middle lies on the span's own day). */
export const localDateText = (t: LocalTime) => `${t.y}-${pad(t.mo)}-${pad(t.d)}`;
export const localClockText = (t: LocalTime) => `${pad(t.h)}:${pad(t.mi)}${t.s ? `:${pad(t.s)}` : ""}`;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** "16 Nov 2023" (en-GB), "16 nov. 2023" (fr-FR), the zone's date. */
function shortDate(at: Date, zone: string, tag: string): string {
  const key = `${tag} ${zone}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(tag, { timeZone: zone, day: "numeric", month: "short", year: "numeric" })));
  return f.format(at);
}

// Whole phrases, one per precision, so that each can be translated as it stands.
const PHRASES: Record<Precision, string> = {
  instant: N_("{date}, {time} ({zone})"),
  morning: N_("morning of {date} ({zone})"),
  afternoon: N_("afternoon of {date} ({zone})"),
  evening: N_("evening of {date} ({zone})"),
  night: N_("night of {date}, 00:00–06:00 ({zone})"),
  day: N_("{date} ({zone})"),
};

/**
 * "evening of 16 Nov 2023 (San Francisco)", "20 Nov 2023, 14:00 (Beijing)",
 * "21 Nov 2023 (Beijing)": in the claim's own zone, with no minute the source
 * does not give. An em dash when unknown.
 */
export function formatOccurred(c: Occurrence, t: Translator = english): string {
  if (!c.occurredAt) return "—";
  // an instant in UTC reads as every other UTC time of the pages: "20 Nov 2023, 06:00 UTC"
  const utcInstant = c.occurredZone === "UTC" && !(c.occurredPrecision in SPANS);
  const phrase = utcInstant ? N_("{date}, {time} UTC") : (PHRASES[c.occurredPrecision as Precision] ?? PHRASES.instant);
  // a span names no time: its clock reading is not worked out (lists format hundreds of these)
  const local = phrase.includes("{time}") ? localTime(c.occurredAt, c.occurredZone) : null;
  const time = local ? `${pad(local.h)}:${pad(local.mi)}` : "";
  return t(phrase, { date: shortDate(c.occurredAt, c.occurredZone, t.tag), time, zone: zoneLabel(c.occurredZone, t) });
}

/** An instant in a zone: "20 Nov 2023, 08:00 (Beijing)". */
export const formatInstant = (at: Date | null, zone: string, t: Translator = english) =>
  formatOccurred({ occurredAt: at, occurredPrecision: "instant", occurredZone: zone }, t);

/** What looks wrong about a claim's times without being impossible: said after saving, never refused; its times in the reader's language. */
export function timeWarnings(c: Occurrence & { firstReportedAt: Date | null }, t: Translator = english): Message[] {
  if (!c.occurredAt || !c.firstReportedAt || c.firstReportedAt >= occurredBounds({ ...c, occurredAt: c.occurredAt }).start) return [];
  const times = { reported: formatInstant(c.firstReportedAt, c.occurredZone, t), occurred: formatOccurred(c, t) };
  return [msg("It was first reported on {reported}, before it occurred: {occurred}. The claim is saved; check both times.", times)];
}
