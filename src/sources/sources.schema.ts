import { z } from "zod";
import { N_ } from "../i18n/i18n.ts";
import { optionalDate, optionalUrl, requiredText, text, version } from "../validation.ts";

export const SOURCE_KINDS = ["official_statement", "news_report", "social_post", "interview", "anonymous_sources", "document", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const RELIABILITY = ["unknown", "reliable", "mixed", "unreliable"] as const;
export type Reliability = (typeof RELIABILITY)[number];

/** How pages name each kind and rating; translated where shown. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  official_statement: N_("Official statement"),
  news_report: N_("News report"),
  social_post: N_("Social post"),
  interview: N_("Interview"),
  anonymous_sources: N_("Anonymous sources"),
  document: N_("Document"),
  other: N_("Other"),
};
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  unknown: N_("Unknown"),
  reliable: N_("Reliable"),
  mixed: N_("Mixed"),
  unreliable: N_("Unreliable"),
};

const kind = z.enum(SOURCE_KINDS, {
  error: N_("Kind must be one of: official_statement, news_report, social_post, interview, anonymous_sources, document, other."),
});
const reliability = z.enum(RELIABILITY, { error: N_("Reliability must be one of: unknown, reliable, mixed, unreliable.") });

const sourceFields = {
  title: requiredText(500, N_("The title")),
  publisher: text(300),
  author: text(300),
  url: optionalUrl,
  publishedAt: optionalDate,
  kind,
  reliability,
  notes: text(10_000),
};

export const createSourceSchema = z.object({
  ...sourceFields,
  publisher: sourceFields.publisher.default(""),
  author: sourceFields.author.default(""),
  url: sourceFields.url.default(null),
  publishedAt: sourceFields.publishedAt.default(null),
  kind: kind.default("other"),
  reliability: reliability.default("unknown"),
  notes: sourceFields.notes.default(""),
});
export type CreateSource = z.infer<typeof createSourceSchema>;

/** An edit: every field optional (PATCH), the version it started from required. */
export const updateSourceSchema = z.object({
  ...z.object(sourceFields).partial().shape,
  version,
});
export type UpdateSource = z.infer<typeof updateSourceSchema>;

/** The list's filters, as they appear in /sources and /api/sources query strings. */
export const sourceListQuerySchema = z.object({
  // a search is text, whatever it holds: overlong ones are cut, never refused
  q: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 500).trim() || undefined : undefined), z.string().optional()),
  kind: z.preprocess((v) => (v === "" ? undefined : v), kind.optional()),
  limit: z.coerce.number().int().min(1).max(100).catch(25).default(25),
  cursor: z.string().max(200).optional(),
});
export type SourceListQuery = z.infer<typeof sourceListQuerySchema>;
