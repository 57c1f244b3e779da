// What templates get from the claims feature through `h` (see http/view-helpers.ts).
import { registerHelpers } from "../http/view-helpers.ts";
import { STATUS_HINTS, STATUS_LABELS, isOpen, type Status } from "./status.ts";
import { PRECISION_CHOICES, ZONES, formatInstant, formatOccurred, type Occurrence } from "./occurred.ts";
import { STANCE_LABELS, type Stance } from "./claims.schema.ts";
import { quoteLanguages } from "./language.ts";

registerHelpers((t) => ({
  statusLabel: (s: string) => (s in STATUS_LABELS ? t(STATUS_LABELS[s as Status]) : s),
  statusHint: (s: string) => (s in STATUS_HINTS ? t(STATUS_HINTS[s as Status]) : ""),
  stanceLabel: (s: string) => (Object.hasOwn(STANCE_LABELS, s) ? t(STANCE_LABELS[s as Stance]) : s),
  isOpen,
  /** a claim's time in its own zone, as precise as its source: "evening of 16 Nov 2023 (San Francisco)" */
  occurred: (c: Occurrence) => formatOccurred({ ...c, occurredAt: c.occurredAt && new Date(c.occurredAt) }, t),
  /** when a claim was first reported, in the zone of its time */
  reported: (c: Occurrence & { firstReportedAt: Date | null }) => formatInstant(c.firstReportedAt, c.occurredZone, t),
  /** zones and precisions as { id, label }: labels are message ids, translated where shown */
  zones: ZONES,
  precisions: PRECISION_CHOICES,
  /** the add-evidence form's languages for the quote, named in the reader's language */
  quoteLanguages: (current?: unknown) => quoteLanguages(t, current),
}));
