// The shape of the seed data: plain values that refer to each other by key,
// so the article's claims read as data and the loader resolves ids.

export type SeedStatus = "unverified" | "rumored" | "confirmed" | "false" | "inconclusive";
export type SeedSourceKind = "official_statement" | "news_report" | "social_post" | "interview" | "anonymous_sources" | "document" | "other";
export type SeedReliability = "unknown" | "reliable" | "mixed" | "unreliable";
export type SeedStance = "supports" | "refutes" | "mentions";

export interface SeedEntity {
  key: string;
  name: string;
  kind: "person" | "organization";
  description: string;
  /** every spelling the article uses, the canonical name excluded */
  aliases: string[];
}

export interface SeedSource {
  key: string;
  title: string;
  publisher: string;
  author: string;
  url: string | null;
  /** ISO 8601 UTC, or null when the article does not date it */
  publishedAt: string | null;
  kind: SeedSourceKind;
  reliability: SeedReliability;
  notes: string;
}

export interface SeedEvidence {
  source: string; // SeedSource.key
  stance: SeedStance;
  /** the passage, verbatim from the article (French) */
  quote: string;
}

export interface SeedClaim {
  key: string;
  /** one checkable sentence, in English */
  statement: string;
  context: string;
  status: SeedStatus;
  confidence: number; // 0..100
  /** ISO 8601 UTC, converted from occurredAtText; a bare local date for a span (occurredPrecision); null when the article gives no time */
  occurredAt: string | null;
  /** a part of the day or the whole day; absent for an instant */
  occurredPrecision?: "morning" | "afternoon" | "evening" | "night" | "day";
  /** the IANA zone of the wording; absent when there is no time */
  occurredZone?: string;
  /** the article's own wording of when, in French */
  occurredAtText: string;
  firstReportedAt: string | null;
  /** required for confirmed/false/inconclusive: why, as of 21 November 2023 */
  resolutionNote: string;
  entities: string[]; // SeedEntity.key
  evidence: SeedEvidence[];
}
