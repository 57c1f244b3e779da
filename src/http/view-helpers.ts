import type { NextFunction, Request, Response } from "express";
import { actionLabel, describeValue, listedChanges, type Names } from "../audit/audit.registry.ts";
import { recordName } from "../audit/audit.names.ts";
import { can } from "./auth.ts";
import { isolate } from "../text.ts";
import { ROLE_LABELS, type RoleName } from "../roles.ts";
import { Message, N_, translator, type Locale, type Translator } from "../i18n/i18n.ts";
import { chooseLocale, localize } from "../i18n/locale.ts";

const utcFormats = new Map<string, Intl.DateTimeFormat>();
/** "20 Nov 2023, 06:00" (en-GB), "20 nov. 2023, 06:00" (fr-FR), in UTC */
function utc(tag: string): Intl.DateTimeFormat {
  let f = utcFormats.get(tag);
  if (!f)
    utcFormats.set(
      tag,
      (f = new Intl.DateTimeFormat(tag, { timeZone: "UTC", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })),
    );
  return f;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/** Whether a query string has empty parameters (a GET form's unfilled fields), which its clean URL leaves out. */
export const hasBlankParams = (query: Record<string, unknown>) => Object.values(query).some((v) => (Array.isArray(v) ? v.some(isBlank) : isBlank(v)));

/** Fields in words, in the reader's language; one not listed is split at its capitals (English). */
const FIELD_LABELS: Record<string, string> = {
  statement: N_("Statement"),
  context: N_("Context"),
  status: N_("Status"),
  confidence: N_("Confidence"),
  evidence: N_("Evidence"),
  entityIds: N_("People and organisations"),
  assigneeId: N_("Assignee"),
  sourceIds: N_("Sources"),
  occurredAt: N_("Occurred"),
  occurredPrecision: N_("How precise"),
  occurredZone: N_("Time zone"),
  occurredDate: N_("Date"),
  occurredTime: N_("Time"),
  occurredAtText: N_("Occurred, in the source's words"),
  firstReportedAt: N_("First reported"),
  resolvedAt: N_("Resolved"),
  publishedAt: N_("Published"),
  url: N_("URL"),
  title: N_("Title"),
  description: N_("Description"),
  claimId: N_("Claim"),
};

function makeHelpers(t: Translator) {
  const h = {
    /** "20 Nov 2023, 06:00 UTC", or an em dash for no date */
    dateTime(d: Date | string | null | undefined): string {
      if (!d) return "—";
      return `${utc(t.tag).format(new Date(d))} UTC`;
    },
    /** the language's quotation marks, for a quote set in its own element (its lang): “…” or « … » */
    quotes: t.locale === "fr" ? (["«\u00a0", "\u00a0»"] as const) : (["“", "”"] as const),
    /** a count as the language writes it ("1,234", "1 234") */
    number: (n: number) => n.toLocaleString(t.tag),
    /** the value a datetime-local input expects, in UTC */
    inputDateTime(d: Date | string | null | undefined): string {
      if (!d) return "";
      const date = new Date(d);
      return Number.isNaN(date.getTime()) ? String(d) : date.toISOString().slice(0, 16);
    },
    iso(d: Date | string | null | undefined): string {
      return d ? new Date(d).toISOString() : "";
    },
    roleLabel: (r: string) => (r in ROLE_LABELS ? t(ROLE_LABELS[r as RoleName]) : r),
    isolate,
    /** an audit action in words, in the page's language */
    actionLabel: (action: string) => t(actionLabel(action)),
    /** one side of an audited change in words; the ledger's own words translated, what people typed as typed */
    describeValue: (field: string, value: unknown, sources: Names["sources"], entities: Names["entities"], users: Names["users"] = {}) => {
      const v = describeValue(field, value, { sources, entities, users });
      return v instanceof Message ? t(v) : v;
    },
    listedChanges,
    /** "Claim #2", or "Claim #2: The board…" with the words that name it */
    recordName: (type: string, id: number, named?: string) => recordName(t, type, id, named),
    /** A field in words ("occurredAtText" → "Occurred, in the source's words"); one not in the table is split at its capitals */
    fieldLabel: (field: string) =>
      field in FIELD_LABELS
        ? t(FIELD_LABELS[field]!)
        : field
            .replace(/([a-z])([A-Z])/g, "$1 $2")
            .toLowerCase()
            .replace(/^./, (c) => c.toUpperCase()),
    label: (s: string) => s.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase()),
    /** an audit value for display: null as an em dash, lists joined, objects as JSON */
    value(v: unknown): string {
      if (v === null || v === undefined || v === "") return "—";
      if (v instanceof Message) return t(v);
      if (Array.isArray(v)) return v.length ? v.map((x) => h.value(x)).join(", ") : "—";
      if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v)) return h.dateTime(v);
      return typeof v === "string" ? v : JSON.stringify(v);
    },
    /** the current query string with some parameters replaced (for filters and pages) */
    query(current: Record<string, unknown>, changes: Record<string, string | number | null>): string {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...current, ...changes })) {
        for (const one of Array.isArray(v) ? v : [v]) if (!isBlank(one)) params.append(k, String(one));
      }
      const s = params.toString();
      return s ? `?${s}` : "";
    },
  };
  return h;
}

export type Helpers = ReturnType<typeof makeHelpers>;
/** Helpers a feature adds to `h` for its own records (claims/claims.views.ts and others), made for a language. */
type Contribution = (t: Translator) => Record<string, unknown>;
const contributions: Contribution[] = [];
const made = new Map<Locale, { t: Translator; h: Helpers }>();

/**
 * A feature's helpers, added to every language's `h`: templates name a
 * claim's status or a source's kind through them, and this module imports
 * no feature. Registered at start (app.ts imports the features' files).
 */
export function registerHelpers(contribution: Contribution): void {
  contributions.push(contribution);
  for (const { t, h } of made.values()) Object.assign(h, contribution(t));
}

/** The formatting helpers every template gets as `h`, in the request's language (made once a language). */
export function helpersFor(t: Translator): Helpers {
  let entry = made.get(t.locale);
  if (!entry) made.set(t.locale, (entry = { t, h: contributions.reduce((h, c) => Object.assign(h, c(t)), makeHelpers(t)) }));
  return entry.h;
}

/** The English helpers, for code that formats outside a request. */
export const helpers = helpersFor(translator("en"));

export function viewLocals(appName: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // Accept-Language until the account is known (http/auth.ts then applies its choice)
    localize(req, res, chooseLocale(req), helpersFor);
    res.locals.appName = appName;
    res.locals.path = req.path;
    res.locals.can = (role: RoleName) => can(req.user, role);
    res.locals.title = "";
    res.locals.N_ = N_;
    // defaults for pages rendered before the session and user are known (early errors)
    res.locals.user = null;
    res.locals.flash = [];
    res.locals.csrfToken = "";
    next();
  };
}
