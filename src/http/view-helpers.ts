import type { NextFunction, Request, Response } from "express";
import { STATUS_HINTS, STATUS_LABELS, isOpen, type Status } from "../claims/status.ts";
import { actionLabel, describeValue, listedChanges } from "../audit/audit.query.ts";
import { can } from "./auth.ts";
import { isolate } from "../text.ts";
import { PRECISION_CHOICES, ZONES, formatInstant, formatOccurred, type Occurrence } from "../claims/occurred.ts";
import type { RoleName } from "../users/users.schema.ts";

const utc = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/** Whether a query string has empty parameters (a GET form's unfilled fields), which its clean URL leaves out. */
export const hasBlankParams = (query: Record<string, unknown>) => Object.values(query).some((v) => (Array.isArray(v) ? v.some(isBlank) : isBlank(v)));

/** Fields whose names do not read as words once split at their capitals. */
const FIELD_LABELS: Record<string, string> = {
  entityIds: "People and organisations",
  sourceIds: "Sources",
  occurredAt: "Occurred",
  occurredPrecision: "How precise",
  occurredZone: "Time zone",
  occurredDate: "Date",
  occurredTime: "Time",
  occurredAtText: "Occurred, in the source's words",
  firstReportedAt: "First reported",
  resolvedAt: "Resolved",
  publishedAt: "Published",
  url: "URL",
};

/** Formatting helpers every template gets as `h`. */
export const helpers = {
  /** "20 Nov 2023, 06:00 UTC", or an em dash for no date */
  dateTime(d: Date | string | null | undefined): string {
    if (!d) return "—";
    return `${utc.format(new Date(d))} UTC`;
  },
  /** the value a datetime-local input expects, in UTC */
  inputDateTime(d: Date | string | null | undefined): string {
    if (!d) return "";
    const date = new Date(d);
    return Number.isNaN(date.getTime()) ? String(d) : date.toISOString().slice(0, 16);
  },
  /** a claim's time in its own zone, as precise as its source: "evening of 16 Nov 2023 (San Francisco)" */
  occurred: (c: Occurrence) => formatOccurred({ ...c, occurredAt: c.occurredAt && new Date(c.occurredAt) }),
  /** when a claim was first reported, in the zone of its time */
  reported: (c: Occurrence & { firstReportedAt: Date | null }) => formatInstant(c.firstReportedAt, c.occurredZone),
  zones: ZONES,
  precisions: PRECISION_CHOICES,
  iso(d: Date | string | null | undefined): string {
    return d ? new Date(d).toISOString() : "";
  },
  statusLabel: (s: string) => STATUS_LABELS[s as Status] ?? s,
  statusHint: (s: string) => STATUS_HINTS[s as Status] ?? "",
  isOpen,
  isolate,
  actionLabel,
  describeValue,
  listedChanges,
  /** A field in words ("occurredAtText" → "Occurred, in the source's words"); one not in the table is split at its capitals */
  fieldLabel: (field: string) =>
    FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/^./, (c) => c.toUpperCase()),
  label: (s: string) => s.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase()),
  /** an audit value for display: null as an em dash, lists joined, objects as JSON */
  value(v: unknown): string {
    if (v === null || v === undefined || v === "") return "—";
    if (Array.isArray(v)) return v.length ? v.map((x) => helpers.value(x)).join(", ") : "—";
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v)) return helpers.dateTime(v);
    return typeof v === "object" ? JSON.stringify(v) : String(v);
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

export function viewLocals(appName: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.locals.h = helpers;
    res.locals.appName = appName;
    res.locals.path = req.path;
    res.locals.can = (role: RoleName) => can(req.user, role);
    res.locals.title = "";
    // defaults for pages rendered before the session and user are known (early errors)
    res.locals.user = null;
    res.locals.flash = [];
    res.locals.csrfToken = "";
    next();
  };
}
