// A resolved claim as schema.org ClaimReview JSON-LD (what search engines and
// fact-check aggregators read). Pure: the route and the claim page load the
// claim and pass it in with the newsroom's name and the page's address.

import type { Outcome } from "../claims/status.ts";

export interface ReviewSource {
  id: number;
  title: string;
  url: string | null;
  publisher: string;
  author: string;
  publishedAt: Date | null;
}

export interface ReviewedClaim {
  statement: string;
  status: Outcome;
  confidence: number;
  occurredAt: Date | null;
  firstReportedAt: Date | null;
  resolutionNote: string;
  resolvedAt: Date | null;
  /** in the order it was added */
  evidence: { stance: string; source: ReviewSource }[];
}

export interface ReviewContext {
  /** the absolute URL of the claim's page */
  url: string;
  newsroom: { name: string; url: string | null };
}

export interface Rating {
  "@type": "Rating";
  ratingValue: 1 | 2 | 3 | 4 | 5;
  bestRating: 5;
  worstRating: 1;
  alternateName: string;
}

/**
 * Outcome and confidence to a 1–5 rating, first matching row wins. A claim's
 * confidence is the editors' confidence that the statement is TRUE (the seed's
 * bands: confirmed 80–100, false 0–15), so a false claim held at 20 or less is
 * plainly false, and one resolved false while the editors still give it more
 * than 20 is "mostly false"; a confirmed claim below 80 is "mostly true".
 */
export const RATING_TABLE: readonly { outcome: Outcome; when: (confidence: number) => boolean; ratingValue: Rating["ratingValue"]; alternateName: string }[] = [
  { outcome: "false", when: (c) => c <= 20, ratingValue: 1, alternateName: "False" },
  { outcome: "false", when: () => true, ratingValue: 2, alternateName: "Mostly false" },
  { outcome: "inconclusive", when: () => true, ratingValue: 3, alternateName: "Unproven" },
  { outcome: "confirmed", when: (c) => c >= 80, ratingValue: 5, alternateName: "True" },
  { outcome: "confirmed", when: () => true, ratingValue: 4, alternateName: "Mostly true" },
];

export function ratingOf(outcome: Outcome, confidence: number): Rating {
  const row = RATING_TABLE.find((r) => r.outcome === outcome && r.when(confidence))!;
  return { "@type": "Rating", ratingValue: row.ratingValue, bestRating: 5, worstRating: 1, alternateName: row.alternateName };
}

const iso = (d: Date | null) => (d ? { datePublished: d.toISOString() } : {});

function creativeWork(s: ReviewSource) {
  return {
    "@type": "CreativeWork",
    ...(s.url ? { url: s.url } : {}),
    name: s.title,
    ...iso(s.publishedAt),
    ...(s.publisher ? { publisher: { "@type": "Organization", name: s.publisher } } : {}),
  };
}

/** Whom the claim is attributed to: the author (a person) or else the publisher of its first supporting source. */
function attributedTo(claim: ReviewedClaim) {
  const source = claim.evidence.find((e) => e.stance === "supports")?.source;
  if (!source || !(source.author || source.publisher)) return {};
  return { author: { "@type": source.author ? "Person" : "Organization", name: source.author || source.publisher } };
}

/** Where the claim was made: each source that supports or mentions it, once; and the earliest dated one. */
function appearances(claim: ReviewedClaim) {
  const sources = new Map<number, ReviewSource>();
  for (const e of claim.evidence) if (e.stance !== "refutes" && !sources.has(e.source.id)) sources.set(e.source.id, e.source);
  const dated = [...sources.values()].filter((s) => s.publishedAt);
  const first = dated.reduce<ReviewSource | null>((a, s) => (!a || s.publishedAt! < a.publishedAt! ? s : a), null);
  return { appearance: [...sources.values()].map(creativeWork), ...(first ? { firstAppearance: creativeWork(first) } : {}) };
}

export function claimReview(claim: ReviewedClaim, ctx: ReviewContext) {
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: ctx.url,
    claimReviewed: claim.statement,
    ...iso(claim.resolvedAt),
    author: { "@type": "Organization", name: ctx.newsroom.name, ...(ctx.newsroom.url ? { url: ctx.newsroom.url } : {}) },
    reviewRating: ratingOf(claim.status, claim.confidence),
    itemReviewed: {
      "@type": "Claim",
      ...attributedTo(claim),
      ...iso(claim.firstReportedAt ?? claim.occurredAt),
      ...appearances(claim),
    },
    reviewBody: claim.resolutionNote,
  };
}
export type ClaimReview = ReturnType<typeof claimReview>;

/**
 * JSON that can sit inside a <script> element: "</script>", "<!--" and
 * U+2028/2029 (line ends to old JavaScript parsers) are written as \u
 * escapes, which JSON reads back as the same characters.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
