// The words of the synthetic ledger: people, organisations, sources and
// claims composed from templates in the register of the source article
// (a machine-translated French roundup of a boardroom crisis), so searches,
// filters and pages meet text shaped like the real thing: accents, garbled
// aliases, French and English mixed.

import type { SeedEntity } from "../seed/seed.types.ts";
import { SOURCE_KINDS, type SourceKind } from "../src/sources/sources.schema.ts";
import type { Stance } from "../src/claims/claims.schema.ts";
import type { OpenStatus, Status } from "../src/claims/status.ts";

export type Rand = () => number;

/** mulberry32: a small seeded generator, so a size always gives the same ledger. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Front-loaded: the first items (the article's people) come up far more often, as in a real news cycle. */
export const pickSkewed = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() ** 3 * xs.length)]!;

const FIRST = [
  "Élodie",
  "Jérôme",
  "Hélène",
  "François",
  "Amélie",
  "Noémie",
  "Benoît",
  "Céline",
  "Loïc",
  "Gaëlle",
  "Thérèse",
  "André",
  "James",
  "Sarah",
  "Michael",
  "Emily",
  "David",
  "Laura",
  "Kevin",
  "Rachel",
  "Wei",
  "Hiroshi",
  "Priya",
  "Omar",
  "Ana",
  "Lukas",
  "Sofia",
  "Mateo",
  "Chloé",
  "Raphaël",
];
const LAST = [
  "Lefèvre",
  "Fontaine",
  "Marchand",
  "Girard",
  "Dubois",
  "Moreau",
  "Rousseau",
  "Bérenger",
  "Lambert",
  "Mercier",
  "Faure",
  "Chevalier",
  "Whitaker",
  "Thompson",
  "Carter",
  "Nguyen",
  "Zhang",
  "Tanaka",
  "Kowalski",
  "Haddad",
  "Okafor",
  "Schneider",
  "Rossi",
  "Duval",
  "Caron",
  "Perrin",
  "Gautier",
  "Lemaître",
  "Hébert",
  "Ménard",
];
const ORG_STEM = [
  "Hélios",
  "Lumière",
  "Nordwind",
  "Aurore",
  "Quantix",
  "Bastide",
  "Mistral",
  "Éclat",
  "Verdier",
  "Pacifica",
  "Solstice",
  "Cobalt",
  "Atlas",
  "Boréal",
  "Cygnus",
  "Zénith",
  "Kestrel",
  "Marée",
  "Sirius",
  "Orée",
];
const ORG_KIND = [
  "Capital",
  "Robotics",
  "AI",
  "Labs",
  "Systèmes",
  "Ventures",
  "Médias",
  "Énergie",
  "Semiconductors",
  "Cloud",
  "Holdings",
  "Partners",
  "Technologies",
  "Assurances",
  "Télécom",
  "Groupe",
  "Banque",
  "Société",
];
const ROLES = [
  "chief executive",
  "chief financial officer",
  "board member",
  "chief scientist",
  "co-founder",
  "président du conseil d'administration",
  "directrice juridique",
  "investor",
];
const PUBLISHERS = [
  "Le Monde",
  "Les Échos",
  "Reuters",
  "Bloomberg",
  "Caixin",
  "Titanium Media (钛媒体)",
  "The Information",
  "Libération",
  "South China Morning Post",
  "Le Figaro",
  "Financial Times",
  "La Tribune",
  "Radio-Canada",
  "Clicanoo (La Réunion)",
  "Le Temps",
];
const PLACES_FR = ["à Pékin", "à la Réunion", "à Genève", "à Montréal", "à Séoul", "à San Francisco", "à Bruxelles", "à Zurich", "à Shanghai", "à Québec"];
const PLACES_EN = ["in Beijing", "in San Francisco", "in London", "in Seoul", "in Geneva", "in Montréal", "in Réunion", "in Zurich"];
const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A machine translation's rendering of a name: "Amodei" → "Amodaiyi". */
const garble = (s: string) => s.replace(/[eé]([a-zé]*)$/u, "ai$1yi").replace(/è/u, "ei");

/** The k-th generated person or organisation; names stay unique however many are asked for. */
export function generatedEntity(k: number, r: Rand): Omit<SeedEntity, "key"> {
  if (k % 3 !== 2) {
    const p = Math.floor(k / 3) * 2 + (k % 3);
    const first = FIRST[p % FIRST.length]!;
    const last = LAST[Math.floor(p / FIRST.length) % LAST.length]!;
    const round = Math.floor(p / (FIRST.length * LAST.length));
    const name = round ? `${first} ${"ABCDEFGHJKLMNPRSTVW"[round % 19]}.${round >= 19 ? round : ""} ${last}` : `${first} ${last}`;
    const aliases = [last, `${first[0]}. ${last}`, garble(last)].filter(() => r() < 0.4);
    return { name, kind: "person", description: `${pick(r, ROLES)} de ${pick(r, ORG_STEM)} ${pick(r, ORG_KIND)}.`, aliases };
  }
  const o = Math.floor(k / 3);
  const stem = ORG_STEM[o % ORG_STEM.length]!;
  const kind = ORG_KIND[Math.floor(o / ORG_STEM.length) % ORG_KIND.length]!;
  const round = Math.floor(o / (ORG_STEM.length * ORG_KIND.length));
  const base = ["Groupe", "Banque", "Société"].includes(kind) ? `${kind} ${stem}` : `${stem} ${kind}`;
  const name = round ? `${base} ${round + 1}` : base;
  const aliases = [stem, `la société ${stem}`].filter(() => r() < 0.3);
  return { name, kind: "organization", description: `Organisation named in the ${pick(r, PUBLISHERS)} coverage.`, aliases };
}

export interface Named {
  name: string;
  aliases: string[];
}

/** A name as a report gives it: now and then one of its aliases, as the article does ("Ultraman"). */
const called = (r: Rand, e: Named) => (e.aliases.length && r() < 0.35 ? pick(r, e.aliases) : e.name);

// in SOURCE_KINDS order: official_statement, news_report, social_post, interview, anonymous_sources, document, other
const KIND_WEIGHTS = [12, 35, 15, 10, 12, 8, 8];
const RELIABILITY: Record<SourceKind, string[]> = {
  official_statement: ["reliable"],
  news_report: ["reliable", "mixed"],
  social_post: ["mixed", "unknown"],
  interview: ["reliable", "mixed"],
  anonymous_sources: ["mixed", "unreliable"],
  document: ["unknown", "reliable"],
  other: ["unknown", "unreliable"],
};

const weighted = (r: Rand, weights: number[]) => {
  let x = r() * weights.reduce((a, b) => a + b, 0);
  return weights.findIndex((w) => (x -= w) < 0);
};

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The i-th source; the first seven cover every kind. Dates fall in [from, to). */
export function generatedSource(i: number, r: Rand, people: Named[], orgs: Named[], from: number, to: number) {
  const kind = SOURCE_KINDS[i < SOURCE_KINDS.length ? i : weighted(r, KIND_WEIGHTS)]!;
  const p = pickSkewed(r, people).name;
  const o = pickSkewed(r, orgs).name;
  const press = pick(r, PUBLISHERS);
  const [title, publisher, author] = {
    official_statement: [`Communiqué de ${o} sur la gouvernance de la société`, o, `${o} press office`],
    news_report: [`${press} : ${pick(r, ["la fusion", "le conseil d'administration", "la levée de fonds"])} de ${o} en question`, press, pick(r, people).name],
    social_post: [`${p}'s post on X about ${o}`, "X (formerly Twitter)", p],
    interview: [`${p} interview with ${press}`, press, p],
    anonymous_sources: [`Unnamed sources cited by ${press} (« selon des sources »)`, press, ""],
    document: [`Procès-verbal du conseil d'administration de ${o}`, o, ""],
    other: [`Forum thread about ${o}`, "", ""],
  }[kind] as [string, string, string];
  const publishedAt = r() < 0.85 ? new Date(from + r() * (to - from)) : null;
  const url = r() < 0.7 ? `https://${slug(publisher || "forum") || "news"}.example/${slug(title).slice(0, 60)}-${i + 1}` : null;
  const notes = r() < 0.2 ? "Machine-translated; names are garbled and times given in Beijing time." : "";
  return { title, publisher, author, url, publishedAt, kind, reliability: pick(r, RELIABILITY[kind]), notes };
}

type Slots = { p: string; p2: string; o: string; o2: string; place: string; n: number };
const TEMPLATES: { fr: boolean; uses: ("p" | "p2" | "o" | "o2")[]; text: (s: Slots) => string }[] = [
  { fr: false, uses: ["p", "o"], text: (s) => `${s.p} will step down as chief executive of ${s.o}, according to people familiar with the matter.` },
  { fr: false, uses: ["o", "p", "p2"], text: (s) => `${s.o}'s board approached ${s.p} about succeeding ${s.p2} as CEO.` },
  { fr: false, uses: ["o", "o2"], text: (s) => `${s.o} is in talks about a merger with ${s.o2} valued at about $${s.n} billion.` },
  { fr: false, uses: ["p", "p2", "o"], text: (s) => `${s.p} met ${s.p2} ${s.place} to discuss ${s.o}'s chip venture.` },
  { fr: false, uses: ["o"], text: (s) => `More than ${s.n * 10} employees of ${s.o} signed a letter demanding that the board resign.` },
  { fr: false, uses: ["p", "o"], text: (s) => `${s.p} was removed by ${s.o}'s board for not being consistently candid.` },
  { fr: false, uses: ["o2", "o"], text: (s) => `${s.o2} offered to hire every ${s.o} employee who wished to leave.` },
  { fr: true, uses: ["p", "o"], text: (s) => `Selon des sources, ${s.p} quittera la société ${s.o} avant la fin du mois.` },
  { fr: true, uses: ["o", "o2"], text: (s) => `Le conseil d'administration de ${s.o} a approuvé la fusion avec ${s.o2}.` },
  { fr: true, uses: ["p", "o"], text: (s) => `${s.p} a été nommé directeur général par intérim de ${s.o}.` },
  { fr: true, uses: ["o"], text: (s) => `${s.o} a démenti les rumeurs d'une levée de fonds de ${s.n * 10} millions d'euros.` },
  { fr: true, uses: ["p", "p2"], text: (s) => `Il est rapporté que ${s.p} a rencontré ${s.p2} ${s.place} pour évoquer une fusion.` },
  { fr: true, uses: ["o"], text: (s) => `${s.o} ouvrira un centre de recherche ${s.place} d'ici l'été prochain.` },
  { fr: true, uses: ["o", "p"], text: (s) => `La société ${s.o} prévoit de supprimer ${s.n * 10} postes, selon un document interne signé par ${s.p}.` },
  { fr: true, uses: ["p", "o"], text: (s) => `${s.p} aurait signé la lettre des employés de ${s.o} réclamant la démission du conseil.` },
];

const CONTEXTS = [
  (s: Slots) => `${s.o} declined to comment; the report relies on people familiar with the matter.`,
  (s: Slots) => `L'information n'a pas été confirmée par ${s.o}. Les heures sont données en heure de Pékin.`,
  () => "The letter's electronic signatures cannot be verified.",
  () => "Les détails de la fusion restent flous ; la société n'a pas répondu.",
  (s: Slots) => `Machine-translated report: "${s.p}" may be a garbled rendering of the name.`,
];

const QUOTES: Record<Stance, ((s: Slots) => string)[]> = {
  supports: [(s: Slots) => `« Selon des sources proches du dossier, ${s.p} est au courant. »`, (s: Slots) => `${s.o} confirmed it in a statement to staff.`],
  refutes: [(s: Slots) => `« ${s.o} a démenti catégoriquement cette information. »`, (s: Slots) => `"This is not true," a spokesperson for ${s.o} said.`],
  mentions: [() => "Il est rapporté que les discussions se poursuivent.", () => "The report mentions the meeting without giving details."],
};

const NOTES: Record<Exclude<Status, OpenStatus>, (s: Slots) => string> = {
  confirmed: (s: Slots) => `Confirmé par un communiqué officiel de ${s.o}.`,
  false: (s: Slots) => `Denied on the record by ${s.o}; no source supports it.`,
  inconclusive: () => "Sources contradict each other; nothing available settles it.",
};

/** When it happened, and the wording a report would use for it. */
function occurrence(r: Rand, from: number, to: number): { at: Date | null; text: string } {
  if (r() < 0.15) return { at: null, text: pick(r, ["il y a 16 ans", "en juin de cette année", "la semaine dernière", "récemment", ""]) };
  const t = new Date(from + r() * (to - from));
  const style = r();
  if (style < 0.35) {
    t.setUTCMinutes(0, 0, 0);
    const beijing = new Date(t.getTime() + 8 * 3600_000); // CST is UTC+8, no daylight saving
    const h = beijing.getUTCHours();
    const clock = h === 0 ? "minuit" : h === 12 ? "midi" : `${h} heure${h > 1 ? "s" : ""}`;
    return { at: t, text: `vers ${clock}, heure de Pékin, le ${beijing.getUTCDate()} ${MOIS[beijing.getUTCMonth()]}` };
  }
  if (style < 0.55) {
    t.setUTCSeconds(0, 0);
    const h = t.getUTCHours();
    const mm = String(t.getUTCMinutes()).padStart(2, "0");
    return { at: t, text: `at ${h % 12 || 12}:${mm} ${h < 12 ? "a.m." : "p.m."} UTC on ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}` };
  }
  t.setUTCHours(0, 0, 0, 0); // a date without a clock time: midnight UTC, date precision only
  const d = t.getUTCDate();
  return { at: t, text: pick(r, [`le ${d} ${MOIS[t.getUTCMonth()]} ${t.getUTCFullYear()}`, `Dans la soirée du ${d}`, `tôt le matin du ${d}`, ""]) };
}

// 30% unverified, 25% rumored, 30% confirmed, 10% false, 5% inconclusive; confidence
// in the seed's bands for each status
const STATUS_WEIGHTS: [Status, number, [number, number]][] = [
  ["unverified", 30, [30, 75]],
  ["rumored", 25, [20, 70]],
  ["confirmed", 30, [80, 100]],
  ["false", 10, [0, 15]],
  ["inconclusive", 5, [30, 70]],
];

export interface NamedId extends Named {
  id: number;
}

/** Distinct items: each drawn by draw until it differs from those already taken. */
function distinct<T>(count: number, draw: () => T): T[] {
  const out: T[] = [];
  for (let tries = 0; out.length < count && tries < count * 10; tries++) {
    const x = draw();
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

/** One claim: its fields, the entities it names, its evidence and, when resolved, how it was settled. */
export function generatedClaim(r: Rand, people: NamedId[], orgs: NamedId[], sourceIds: number[], from: number, to: number) {
  const [status, , [lo, hi]] =
    STATUS_WEIGHTS[
      weighted(
        r,
        STATUS_WEIGHTS.map((w) => w[1]),
      )
    ]!;
  const tpl = pick(r, TEMPLATES);
  const [p, p2] = distinct(2, () => pickSkewed(r, people));
  const [o, o2] = distinct(2, () => pickSkewed(r, orgs));
  const used = { p, p2, o, o2 };
  const linked = tpl.uses.map((u) => used[u]).filter((e): e is NamedId => e !== undefined);
  const s: Slots = {
    p: called(r, tpl.uses.includes("p") ? p! : o!),
    p2: called(r, p2 ?? p!),
    o: called(r, tpl.uses.includes("o") ? o! : p!),
    o2: called(r, o2 ?? o!),
    place: pick(r, tpl.fr ? PLACES_FR : PLACES_EN),
    n: int(r, 2, 90),
  };
  const when = occurrence(r, from, to);
  const reported = when.at ? (r() < 0.8 ? new Date(when.at.getTime() + r() * 72 * 3600_000) : null) : r() < 0.3 ? new Date(from + r() * (to - from)) : null;
  const resolved = status !== "unverified" && status !== "rumored";
  const lead: Stance = status === "false" ? "refutes" : status === "inconclusive" ? pick(r, ["supports", "refutes"]) : "supports";
  const evidence = distinct(int(r, 1, 3), () => pick(r, sourceIds)).map((sourceId, i) => {
    const stance: Stance = i === 0 ? lead : pick(r, status === "inconclusive" ? (["supports", "refutes", "mentions"] as const) : ([lead, "mentions"] as const));
    return { sourceId, stance, quote: pick(r, QUOTES[stance])(s) };
  });
  return {
    statement: tpl.text(s),
    context: r() < 0.5 ? pick(r, CONTEXTS)(s) : "",
    status,
    confidence: int(r, lo, hi),
    occurredAt: when.at,
    // generated times are exact instants, as the columns' defaults say
    occurredPrecision: "instant",
    occurredZone: "UTC",
    occurredAtText: when.text,
    firstReportedAt: reported,
    entityIds: [...new Set(linked.map((e) => e.id))],
    evidence,
    /** how it was first recorded, before it was settled */
    opened: { status: pick(r, ["unverified", "rumored"] as const), confidence: int(r, 30, 70) },
    resolutionNote: resolved ? NOTES[status](s) : "",
  };
}
export type SyntheticClaim = ReturnType<typeof generatedClaim>;
