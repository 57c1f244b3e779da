// Claims per status over time as an inline SVG, drawn on the server so the
// dashboard needs no client JavaScript. The page inlines the markup unescaped,
// so every piece of text goes through escapeXml here. Its words, days and
// numbers are in the reader's language (the translator `t`).
import { STATUSES, STATUS_LABELS, type Status } from "../claims/status.ts";
import type { Translator } from "../i18n/i18n.ts";

export interface DayCounts {
  /** a UTC calendar day, YYYY-MM-DD */
  day: string;
  counts: Record<Status, number>;
}

/** The badges' text colours in public/app.css (--unverified, --rumored, …): a bar reads like its badge's dot. */
export const STATUS_COLOURS: Record<Status, string> = {
  unverified: "#6b4e00",
  rumored: "#8a3b00",
  confirmed: "#1b5e20",
  false: "#9b1c1c",
  inconclusive: "#3e4a5b",
};

/** --rumored-bg: rumored bars are striped on it, so they stand apart from unverified's similar brown. */
export const RUMORED_BG = "#ffe6d5";
const STRIPES = "status-chart-rumored";
const fill = (s: Status) => (s === "rumored" ? `url(#${STRIPES})` : STATUS_COLOURS[s]);
const defs =
  `<defs><pattern id="${STRIPES}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
  `<rect width="6" height="6" fill="${RUMORED_BG}"/><rect width="3" height="6" fill="${STATUS_COLOURS.rumored}"/></pattern></defs>`;

const INK = "#1d2430";
const MUTED = "#5b6573";
const LINE = "#d8dde4";

const WIDTH = 720;
const HEIGHT = 320;
const PAD = { top: 56, right: 16, bottom: 36, left: 44 };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const at = (day: string) => new Date(`${day}T00:00:00Z`);

/** How the chart writes a language's days and counts ("20 Nov", "20 nov."), made once a language. */
interface Formats {
  dayLabel: Intl.DateTimeFormat;
  longDay: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
}
const formats = new Map<string, Formats>();
function formatsFor(tag: string): Formats {
  let f = formats.get(tag);
  if (!f) {
    f = {
      dayLabel: new Intl.DateTimeFormat(tag, { timeZone: "UTC", day: "numeric", month: "short" }),
      longDay: new Intl.DateTimeFormat(tag, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }),
      number: new Intl.NumberFormat(tag),
    };
    formats.set(tag, f);
  }
  return f;
}

/** A round step (1, 2 or 5 × 10ⁿ, never below 1) giving about four gridlines up to max. */
function step(max: number): number {
  const raw = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

const total = (d: DayCounts) => STATUSES.reduce((sum, s) => sum + d.counts[s], 0);

/** The words a screen reader hears for the chart: its span and the last day's counts. */
function description(series: DayCounts[], t: Translator): string {
  const last = series.at(-1);
  if (!last) return t("No claim activity yet.");
  const { longDay } = formatsFor(t.tag);
  const bars =
    series.length === 1
      ? t("One stacked bar")
      : t("Stacked bars, one per day from {first} to {last}", { first: longDay.format(at(series[0]!.day)), last: longDay.format(at(last.day)) });
  return t("{bars}. At the end of {day}: {counts} ({total} in all).", {
    bars,
    day: longDay.format(at(last.day)),
    counts: dayCounts(last, t),
    total: total(last),
  });
}

/** "0 unverified, 1 rumored, …": a day's counts, each with its status in lower case. */
const dayCounts = (d: DayCounts, t: Translator) =>
  STATUSES.map((s) => t("{count} {status}", { count: d.counts[s], status: t(STATUS_LABELS[s]).toLocaleLowerCase(t.tag) })).join(", ");

function legend(t: Translator): string {
  return STATUSES.map((s, i) => {
    const x = PAD.left + i * 128;
    return `<g transform="translate(${x} 14)"><rect width="12" height="12" rx="2" fill="${fill(s)}"/><text x="18" y="10.5" fill="${INK}">${escapeXml(t(STATUS_LABELS[s]))}</text></g>`;
  }).join("");
}

export function statusChart(series: DayCounts[], t: Translator): string {
  const { dayLabel, longDay, number } = formatsFor(t.tag);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const peak = Math.max(1, ...series.map(total));
  const gap = step(peak);
  const top = Math.ceil(peak / gap) * gap;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, series.length);
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const labelEvery = Math.ceil(series.length / 8);

  const grid = [`<text x="${PAD.left}" y="${PAD.top - 10}" fill="${MUTED}">${escapeXml(t("Claims"))}</text>`];
  for (let v = 0; v <= top; v += gap) {
    const gy = y(v).toFixed(1);
    grid.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${gy}" y2="${gy}" stroke="${LINE}"/>` +
        `<text x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="${MUTED}">${escapeXml(number.format(v))}</text>`,
    );
  }

  const bars = series.map((d, i) => {
    const x = PAD.left + i * slot + (slot - barW) / 2;
    let below = 0;
    const rects = STATUSES.filter((s) => d.counts[s] > 0).map((s) => {
      const n = d.counts[s];
      const rect = `<rect class="bar" x="${x.toFixed(1)}" y="${y(below + n).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(below) - y(below + n)).toFixed(1)}" fill="${fill(s)}" stroke="#fff" stroke-width="0.5"/>`;
      below += n;
      return rect;
    });
    const tip = t("{day}: {counts}", { day: longDay.format(at(d.day)), counts: dayCounts(d, t) });
    // counted back from the last day, which is always labelled
    const label =
      (series.length - 1 - i) % labelEvery === 0
        ? `<text x="${(x + barW / 2).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" fill="${MUTED}">${escapeXml(dayLabel.format(at(d.day)))}</text>`
        : "";
    return `<g><title>${escapeXml(tip)}</title>${rects.join("")}${label}</g>`;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="status-chart-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="status-chart-title status-chart-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="status-chart-title">${escapeXml(t("Claims by status at the end of each day (UTC)"))}</title>`,
    `<desc id="status-chart-desc">${escapeXml(description(series, t))}</desc>`,
    defs,
    `<g class="legend">${legend(t)}</g>`,
    `<g class="grid">${grid.join("")}</g>`,
    `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="${INK}"/>`,
    `<g class="bars">${bars.join("")}</g>`,
    `</svg>`,
  ].join("\n");
}
