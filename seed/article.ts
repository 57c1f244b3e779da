// Seed data: the claims, sources and entities of one source article.
//
// Where it comes from: ../shared/seeds/000_a906426a8ab44445.txt, a Titanium
// Media (钛媒体) piece by Lin Zhijia (editor: Ma Jinnan) on the OpenAI board
// crisis of November 2023. It was machine-translated from Chinese into French
// and republished on Gate's news feed. Names are garbled in translation
// ("Ultraman" = Sam Altman, "Hill"/"Mitt Hill" = Emmett Shear,
// "Amoldei"/"Amodaii"/"Amodai"/"Amodaiyi" = Dario Amodei); every spelling the
// article uses is kept as an entity alias.
//
// Conventions:
// - Statuses are as the article supports them on 21 November 2023 (the last
//   day it covers). Later events (e.g. Altman's actual return) are NOT used.
//   A few resolutions also rest on public record from before the article
//   (e.g. the date Shear left Twitch); the resolutionNote then says so.
// - Confidence bands: confirmed 80-100, false 0-15, inconclusive 30-70,
//   rumored 20-70, unverified 30-75.
// - Times are kept as precisely as the article gives them, in the zone of
//   its wording (occurredZone: Asia/Shanghai for Beijing time, the default
//   of the article's sections; America/Los_Angeles for "heure locale" in the
//   San Francisco timeline). A clock time is an instant: occurredAt is its
//   UTC value, with the conversion's arithmetic in a comment beside it.
//   Beijing time (CST) is UTC+8; San Francisco in November 2023 is PST,
//   UTC-8 (DST ended 5 Nov 2023).
// - A clock time with no zone is read in the zone of the timeline section
//   it is filed under (the article's sections are headed in Beijing time);
//   the context says when a zone was inferred.
// - A date with a part of the day ("dans la soirée du 20", "tôt le matin du
//   21") or a date alone ("le 21 novembre") is that span of that day in its
//   zone: occurredAt is the local date, occurredPrecision the span (see
//   src/claims/occurred.ts), and the service stores the span's middle. No
//   explicit day (a year, a month, "il y a 16 ans", a weekday): occurredAt
//   is null.
// - occurredAtText is the article's own wording, verbatim ("" when none).
// - firstReportedAt: the instant of the public announcement when the event is
//   itself a dated publication; otherwise the date of the timeline heading
//   the article files the news under ("Heure de Pékin le 19 novembre", ...),
//   as midnight UTC of that date (firstReportedAt has no precision of its
//   own: such a value means "that day"); null when nothing is said, and
//   null when the event is its own report (a post, a letter) that the
//   article dates only to a part of a day.
// - Evidence: `source` is the original source the article relays (the
//   Titanium Media article itself when it asserts without attribution;
//   `unnamed-reports` for "selon des sources", "il est rapporté", "selon les
//   rapports"). Every quote is a verbatim passage of the French article,
//   typographic ’ « » included; the article puts a no-break space (U+00A0)
//   inside some guillemets and before some colons, written here as \u00a0.

import type { SeedClaim, SeedEntity, SeedSource } from "./seed.types.ts";

export const entities: SeedEntity[] = [
  {
    key: "sam-altman",
    name: "Sam Altman",
    kind: "person",
    description: "Co-founder and CEO of OpenAI until the board removed him on 17 November 2023.",
    aliases: ["Ultraman", "Altman", "Sam"],
  },
  {
    key: "emmett-shear",
    name: "Emmett Shear",
    kind: "person",
    description: "Co-founder and former CEO of Twitch; named OpenAI's interim CEO on 20 November 2023 (Beijing time).",
    aliases: ["Hill", "Mitt Hill", "M. Hill"],
  },
  {
    key: "dario-amodei",
    name: "Dario Amodei",
    kind: "person",
    description: "Co-founder and CEO of Anthropic; formerly at OpenAI.",
    aliases: ["Amoldei", "Amodaii", "Amodai", "Amodaiyi"],
  },
  {
    key: "ilya-sutskever",
    name: "Ilya Sutskever",
    kind: "person",
    description: "OpenAI co-founder, chief scientist and board member; took part in the board's removal of Altman.",
    aliases: ["Ilya"],
  },
  {
    key: "greg-brockman",
    name: "Greg Brockman",
    kind: "person",
    description: "OpenAI co-founder and president, chairman of its board until 17 November 2023.",
    aliases: ["Brockman"],
  },
  {
    key: "satya-nadella",
    name: "Satya Nadella",
    kind: "person",
    description: "CEO of Microsoft, OpenAI's largest investor.",
    aliases: ["Nadella"],
  },
  {
    key: "mira-murati",
    name: "Mira Murati",
    kind: "person",
    description: "OpenAI's chief technology officer; interim CEO from 17 November 2023 until Shear's appointment.",
    aliases: ["Mira"],
  },
  {
    key: "adam-dangelo",
    name: "Adam D'Angelo",
    kind: "person",
    description: "OpenAI board member; co-founder and CEO of Quora (whose Poe product overlaps with OpenAI's GPTs).",
    aliases: ["Adam D’Angelo", "Adam"],
  },
  {
    key: "nat-friedman",
    name: "Nat Friedman",
    kind: "person",
    description: "Former CEO of GitHub (until 2021; the article calls him GitHub's CEO); reportedly approached as interim OpenAI CEO.",
    aliases: [],
  },
  {
    key: "alexandr-wang",
    name: "Alexandr Wang",
    kind: "person",
    description: "Co-founder and CEO of Scale AI; reportedly approached as interim OpenAI CEO.",
    aliases: ["Alex Wang"],
  },
  {
    key: "openai",
    name: "OpenAI",
    kind: "organization",
    description: "AI company behind ChatGPT, governed by a nonprofit board.",
    aliases: [],
  },
  {
    key: "microsoft",
    name: "Microsoft",
    kind: "organization",
    description: "OpenAI's largest investor and cloud provider (Azure).",
    aliases: ["Microsoft Azure"],
  },
  {
    key: "anthropic",
    name: "Anthropic",
    kind: "organization",
    description: "AI model developer founded by former OpenAI staff, backed by Google and Amazon.",
    aliases: [],
  },
  {
    key: "twitch",
    name: "Twitch",
    kind: "organization",
    description: "Live-streaming platform co-founded by Emmett Shear, owned by Amazon since 2014.",
    aliases: [],
  },
  {
    key: "amazon",
    name: "Amazon",
    kind: "organization",
    description: "Owner of Twitch; investor in Anthropic.",
    aliases: [],
  },
  {
    key: "google",
    name: "Google",
    kind: "organization",
    description: "Investor in Anthropic; its Google Cloud unit is named as an OpenAI competitor customers turned to.",
    aliases: ["Google Cloud"],
  },
  {
    key: "quora",
    name: "Quora",
    kind: "organization",
    description: "Question-and-answer company led by Adam D'Angelo.",
    aliases: [],
  },
  {
    key: "github",
    name: "GitHub",
    kind: "organization",
    description: "Code-hosting company (owned by Microsoft), formerly led by Nat Friedman.",
    aliases: [],
  },
  {
    key: "scale-ai",
    name: "Scale AI",
    kind: "organization",
    description: "AI data company led by Alexandr Wang.",
    aliases: [],
  },
  {
    key: "sequoia-capital",
    name: "Sequoia Capital",
    kind: "organization",
    description: "Venture capital firm, reportedly willing to back a new Altman venture.",
    aliases: [],
  },
  {
    key: "nvidia",
    name: "Nvidia",
    kind: "organization",
    description: "Dominant maker of AI chips, the target of Altman's reported chip venture.",
    aliases: [],
  },
  {
    key: "cohere",
    name: "Cohere",
    kind: "organization",
    description: "AI model developer, named as a competitor OpenAI customers contacted.",
    aliases: [],
  },
];

export const sources: SeedSource[] = [
  {
    key: "titanium-media",
    title: "La lutte de pouvoir d’OpenAI est inversée et inversée, et il n’y a pas de vérité dans l’apparence de tous les êtres",
    publisher: "Titanium Media (钛媒体)",
    author: "Lin Zhijia",
    url: null,
    publishedAt: null,
    kind: "news_report",
    reliability: "mixed",
    notes:
      "The source article: a secondary roundup, machine-translated from Chinese into French and republished on Gate's news feed (editor: Ma Jinnan). Names are garbled and several details are wrong or inconsistent (two different times for the Shear announcement, 490 vs 700+ letter signatories, 700/770 given as 95%, Shear leaving Twitch dated June instead of March 2023, Nat Friedman called GitHub's current CEO). Undated; it covers events up to the morning of 21 November 2023, Beijing time. Used as the source when it asserts something without attribution.",
  },
  {
    key: "openai-blog",
    title: "OpenAI announces leadership transition",
    publisher: "OpenAI",
    author: "OpenAI board of directors",
    url: "https://openai.com/blog/openai-announces-leadership-transition",
    // "4 heures du matin, heure de Pékin, le 18": 18 Nov 04:00 CST - 8 h = 17 Nov 20:00 UTC
    publishedAt: "2023-11-17T20:00:00.000Z",
    kind: "official_statement",
    reliability: "reliable",
    notes:
      "The board's announcement that Altman was leaving as CEO and board member, Murati named interim CEO and Brockman stepping down as chairman while staying at the company. The article says the board 'tweeted' it; the statement was this blog post (relayed on X). Publication time as the article gives it (about 04:00 Beijing time on 18 November). The article renders the board's 'not consistently candid' as 'constamment malhonnête', which overstates it.",
  },
  {
    key: "openai-interim-ceo-announcement",
    title: "OpenAI board: Altman will not return; Emmett Shear named interim CEO",
    publisher: "OpenAI",
    author: "OpenAI board of directors",
    url: null,
    // "vers 14 heures, heure de Pékin, le 20 novembre": 20 Nov 14:00 CST - 8 h = 20 Nov 06:00 UTC
    publishedAt: "2023-11-20T06:00:00.000Z",
    kind: "official_statement",
    reliability: "reliable",
    notes:
      "The board's announcement that the effort to bring Altman back had failed and that Emmett Shear would be interim CEO. The article gives two times for it: about 14:00 and 'midi' on 20 November, Beijing time; 14:00 is used here. No canonical URL: it was first relayed to staff and then reported by the press, and Shear confirmed it in his own post.",
  },
  {
    key: "nadella-x-post",
    title: "Satya Nadella's post on X announcing that Altman and Brockman will join Microsoft",
    publisher: "X (formerly Twitter)",
    author: "Satya Nadella",
    url: null,
    // "vers 16 heures, heure de Pékin, le 20 novembre": 20 Nov 16:00 CST - 8 h = 20 Nov 08:00 UTC
    publishedAt: "2023-11-20T08:00:00.000Z",
    kind: "social_post",
    reliability: "reliable",
    notes:
      "The Microsoft CEO's own public post: Altman, Brockman and colleagues will join Microsoft to lead a new advanced AI research team. Time as the article gives it (about 16:00 Beijing time, 20 November).",
  },
  {
    key: "nadella-bloomberg-tv",
    title: "Satya Nadella interview with Bloomberg TV",
    publisher: "Bloomberg TV",
    author: "Bloomberg",
    url: null,
    // "Tôt le matin du 21": date only (Beijing date), stored as midnight UTC of 21 Nov
    publishedAt: "2023-11-21T00:00:00.000Z",
    kind: "interview",
    reliability: "reliable",
    notes:
      "Nadella on the record: Microsoft is 'open' to Altman leading, Altman works with Microsoft wherever he is, and Microsoft has not been told why Altman was fired. The article dates it only 'tôt le matin du 21' (Beijing); publishedAt is date precision only (it aired on 20 November, US time).",
  },
  {
    key: "the-information",
    title: "The Information's reporting on the OpenAI board's search for an interim CEO",
    publisher: "The Information",
    author: "",
    url: null,
    publishedAt: null,
    kind: "news_report",
    reliability: "mixed",
    notes:
      'The only outlet the article names as the source of a report ("selon The information"): the board approached Amodei, Nat Friedman and Alex Wang before Shear. Relies on unnamed people familiar with the matter; well-sourced outlet, but the claims are not confirmed by the people concerned.',
  },
  {
    key: "unnamed-reports",
    title: 'Unattributed reports relayed by the article ("selon des sources", "il est rapporté", "selon les rapports")',
    publisher: "various, unnamed",
    author: "",
    url: null,
    publishedAt: null,
    kind: "anonymous_sources",
    reliability: "mixed",
    notes:
      "A bucket for the article's unattributed hearsay: it does not say which outlet or person each item comes from, so none of them can be traced or weighed individually. Several match what US outlets reported at the time, but the article gives no way to tell.",
  },
  {
    key: "employees-letter",
    title: "Open letter from OpenAI employees to the board of directors",
    publisher: "OpenAI employees",
    author: "OpenAI employees (signatories)",
    url: null,
    // "Dans la soirée du 20": date only (Beijing date), stored as midnight UTC of 20 Nov
    publishedAt: "2023-11-20T00:00:00.000Z",
    kind: "document",
    reliability: "unknown",
    notes:
      "Letter threatening mass resignation (and a move to Microsoft) unless the board resigned and reinstated Altman and Brockman. The article says the list is mostly electronic signatures whose authenticity cannot be checked, and that OpenAI has not confirmed it; the count rises from 490 to 'more than 700' within the article.",
  },
  {
    key: "altman-x-posts",
    title: "Sam Altman's posts on X (farewell post; 'the mission continues'; heart reposts)",
    publisher: "X (formerly Twitter)",
    author: "Sam Altman",
    url: null,
    publishedAt: null,
    kind: "social_post",
    reliability: "reliable",
    notes:
      "Altman's own posts: the farewell after his removal (public early on 18 November, Beijing time), the repost of Nadella's announcement with 'the mission continues', and more than ten heart reposts of employees' 'OpenAI is nothing without its people'. Several posts, hence no single date or URL.",
  },
  {
    key: "brockman-quit-post",
    title: "Greg Brockman's post on X announcing that he quits OpenAI",
    publisher: "X (formerly Twitter)",
    author: "Greg Brockman",
    url: null,
    publishedAt: null,
    kind: "social_post",
    reliability: "reliable",
    notes:
      "Brockman's own announcement that he was leaving OpenAI entirely after the board's decision. The article's rendering says he first 'resigned' as chairman; his own accounts describe a removal.",
  },
  {
    key: "brockman-timeline-post",
    title: "Greg Brockman's account, for himself and Sam Altman, of how the firing happened (16-17 November)",
    publisher: "X (formerly Twitter)",
    author: "Greg Brockman",
    url: null,
    publishedAt: null,
    kind: "social_post",
    reliability: "reliable",
    notes:
      "The article's minute-by-minute timeline of 16-17 November (texts from Sutskever, the Google Meet calls at noon, 12:19 and 12:23, Murati learning the night before) follows this first-hand account without naming it; the attribution is the editor's. One side's account (the board had not disputed it by 21 November). The article's 'J’ai assisté' is a translation slip: it was Altman who joined the call.",
  },
  {
    key: "sutskever-x-post",
    title: "Ilya Sutskever's post on X regretting his part in the board's actions",
    publisher: "X (formerly Twitter)",
    author: "Ilya Sutskever",
    url: null,
    publishedAt: null,
    kind: "social_post",
    reliability: "reliable",
    notes:
      "His own public post: he regrets his participation in the board's actions and will do everything he can to reunite the company. Altman and Murati answered it with hearts.",
  },
  {
    key: "shear-x-post",
    title: "Emmett Shear's post on X on taking over as interim CEO",
    publisher: "X (formerly Twitter)",
    author: "Emmett Shear",
    url: null,
    // "Dans la soirée du 20": date only (Beijing date), stored as midnight UTC of 20 Nov
    publishedAt: "2023-11-20T00:00:00.000Z",
    kind: "social_post",
    reliability: "reliable",
    notes: "His own post: a 30-day plan, an independent investigator to look into the process and communications around Altman's removal. Date precision only.",
  },
  {
    key: "murati-x-post",
    title: "Mira Murati's post on X: 'OpenAI is nothing without its people'",
    publisher: "X (formerly Twitter)",
    author: "Mira Murati",
    url: null,
    // "À partir d’environ 17h50 le 20" (Beijing time inferred from the section heading): 17:50 CST - 8 h = 09:50 UTC
    publishedAt: "2023-11-20T09:50:00.000Z",
    kind: "social_post",
    reliability: "reliable",
    notes:
      "Her own post, one of many identical employee posts that started at about 17:50 on 20 November (Beijing time inferred from the article's section heading).",
  },
  {
    key: "openai-usage-figures",
    title: "OpenAI's own usage figures (API developers, Fortune 500 adoption)",
    publisher: "OpenAI",
    author: "OpenAI",
    url: null,
    publishedAt: null,
    kind: "official_statement",
    reliability: "mixed",
    notes:
      "Self-reported figures ('OpenAI a révélé'): more than 2 million developers on its API, 92% of the Fortune 500 using its products. They match what OpenAI announced at its DevDay on 6 November 2023 (editor's identification; the article does not date them). Reliable as OpenAI's statement, not independently audited.",
  },
  {
    key: "shear-twitch-stepdown-2023",
    title: "Emmett Shear's announcement that he is stepping down as CEO of Twitch",
    publisher: "Twitch",
    author: "Emmett Shear",
    url: null,
    // date only: announced 16 March 2023 (public record), stored as midnight UTC
    publishedAt: "2023-03-16T00:00:00.000Z",
    kind: "official_statement",
    reliability: "reliable",
    notes:
      "NOT cited by the article: added by the editor to resolve the article's dating of Shear's departure from Twitch ('en juin de cette année'). Shear announced it on 16 March 2023, citing his young son. The evidence quote linked to it is the article passage it refutes.",
  },
];

export const claims: SeedClaim[] = [
  // ---- The lead: the Anthropic approach (reported on 21 November, Beijing time) ----
  {
    key: "anthropic-merger-approach",
    statement: "OpenAI's board approached Anthropic CEO Dario Amodei about a possible merger of OpenAI and Anthropic.",
    context:
      "Reported without a named source ('selon les derniers rapports'; 'il a été rapporté' on the morning of 21 November, Beijing time). The article itself says it is unclear whether the idea led to serious discussions and that Anthropic has not confirmed anything; neither OpenAI nor Anthropic is quoted. Anthropic is described as backed by Google and Amazon.",
    status: "rumored",
    confidence: 45,
    occurredAt: null,
    occurredAtText: "",
    // "Le matin du 21" (Beijing date): date only, midnight UTC of 21 Nov
    firstReportedAt: "2023-11-21T00:00:00.000Z",
    resolutionNote: "",
    entities: ["openai", "anthropic", "dario-amodei", "google", "amazon"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "Selon les derniers rapports, le conseil d’administration d’OpenAI a approché son concurrent, Dario Amodei, cofondateur et PDG d’Anthropic, un développeur de grands modèles d’IA investi par Google et Amazon, sur la possibilité d’une fusion entre les deux sociétés.",
      },
      {
        source: "unnamed-reports",
        stance: "mentions",
        quote: "Selon le rapport, il n’est pas clair si le projet de fusion a suscité des discussions sérieuses.",
      },
      {
        source: "titanium-media",
        stance: "mentions",
        quote: "En d’autres termes, la fusion n’a finalement pas été confirmée par Anthropic, et la fusion a peut-être été «\u00a0cool\u00a0».",
      },
    ],
  },
  {
    key: "amodei-offered-ceo-declined",
    statement: "OpenAI's board tried to recruit Dario Amodei to succeed Sam Altman as CEO, and Amodei quickly declined.",
    context:
      "Reported without attribution in the lead, and again under 21 November ('espérait que le cofondateur et PDG d’Anthropic rejoindrait la société pour remplacer Ultraman, mais a finalement échoué'). The article attributes the list of declined interim-CEO approaches, Amodei included, to The Information. Neither Amodei nor OpenAI has confirmed. It is unclear whether the offer was the permanent CEO role (lead) or the interim one (The Information paragraph).",
    status: "rumored",
    confidence: 55,
    occurredAt: null,
    occurredAtText: "",
    // "Le matin du 21" (Beijing date): date only, midnight UTC of 21 Nov
    firstReportedAt: "2023-11-21T00:00:00.000Z",
    resolutionNote: "",
    entities: ["dario-amodei", "openai", "anthropic", "sam-altman"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "Une partie de la décision du conseil d’administration était une tentative de convaincre Amoldei de succéder à Sam Altman en tant que PDG d’OpenAI.",
      },
      {
        source: "unnamed-reports",
        stance: "supports",
        quote: "En raison de son poste chez Anthropic, Amodaii a rapidement refusé une offre de devenir PDG.",
      },
      {
        source: "the-information",
        stance: "supports",
        quote:
          "En plus d’Amodaii, le conseil d’administration a contacté d’autres dirigeants pour servir de PDG par intérim après le licenciement d’Altman, notamment le PDG de GitHub, Nat Friedman, et le PDG de Scale AI, Alex Wang, selon The information.",
      },
    ],
  },
  {
    key: "amodei-left-openai-2020",
    statement: "Dario Amodei worked at OpenAI and left at the end of 2020, with other team members, to found Anthropic.",
    context:
      "Background given as 'il est rapporté'. The motive the article gives (fears that OpenAI was commercialising its technology too fast) is its characterisation and is not checked here; only the employment and departure are.",
    status: "confirmed",
    confidence: 90,
    occurredAt: null, // "à la fin de 2020": no explicit day
    occurredAtText: "à la fin de 2020",
    firstReportedAt: null,
    resolutionNote:
      "Public record before the article: Amodei was OpenAI's vice-president of research, left in late 2020 with several colleagues, and co-founded Anthropic in 2021. The stated motive remains the article's characterisation.",
    entities: ["dario-amodei", "openai", "anthropic"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "Il est rapporté qu’Amodai était également un employé d’OpenAI, et que lui et d’autres membres de l’équipe sont partis à la fin de 2020 pour lancer Anthropic en raison de craintes que l’entreprise ne commercialise sa technologie trop rapidement.",
      },
    ],
  },

  // ---- Shear named interim CEO (20 November, Beijing time) ----
  {
    key: "shear-named-interim-ceo",
    statement: "OpenAI's board named Emmett Shear, co-founder and former CEO of Twitch, as OpenAI's interim CEO.",
    context:
      "The article times the announcement 'vers 14 heures, heure de Pékin, le 20 novembre' in the lead but 'À midi le 20' in the timeline (see altman-return-failed); 14:00 is used. It also says 'M. Hill' was named on 20 November. The lead's wording that Altman 'avait confirmé' his removal is a translation muddle: the board announced Altman would not return. Shear confirmed the appointment in his own post.",
    status: "confirmed",
    confidence: 97,
    // "vers 14 heures, heure de Pékin, le 20 novembre": 20 Nov 14:00 CST - 8 h = 20 Nov 06:00 UTC
    occurredAt: "2023-11-20T06:00:00.000Z",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "vers 14 heures, heure de Pékin, le 20 novembre",
    firstReportedAt: "2023-11-20T06:00:00.000Z", // the announcement itself
    resolutionNote: "Announced by OpenAI's board and confirmed by Shear's own post on X; nobody disputes it as of 21 November.",
    entities: ["emmett-shear", "openai", "twitch"],
    evidence: [
      {
        source: "openai-interim-ceo-announcement",
        stance: "supports",
        quote:
          "Plus tôt, vers 14 heures, heure de Pékin, le 20 novembre, le conseil d’administration d’OpenAI a soudainement annoncé qu’Altman, le « père de ChatGPT » et cofondateur d’OpenAI, avait confirmé qu’il avait été démis de ses fonctions de PDG et avait quitté l’entreprise, tout en embauchant le cofondateur du site de streaming vidéo Twitch, Emmett Shear (Emmett Shear), pour prendre la relève en tant que PDG par intérim d’OpenAI.",
      },
      {
        source: "titanium-media",
        stance: "supports",
        quote: "Finalement, le conseil d’administration a nommé M. Hill au poste de chef de la direction par intérim le 20 novembre.",
      },
      {
        source: "shear-x-post",
        stance: "supports",
        quote:
          "Dans la soirée du 20, Hill, le nouveau PDG par intérim, a tweeté que son équipe de direction enquêterait sur la destitution d’Ultraman par le conseil d’administration, car l’affaire affectait la réputation d’OpenAI.",
      },
    ],
  },
  {
    key: "altman-return-failed",
    statement: "OpenAI announced that the attempt to bring Sam Altman back as CEO had failed.",
    context:
      "The timeline puts this 'À midi le 20' with no zone; Beijing time is inferred from the section heading ('Actualités du 20 novembre, heure de Pékin'), since noon in San Francisco would fall after Nadella's announcement. The lead puts the same announcement at about 14:00 Beijing time: the article is inconsistent by two hours.",
    status: "confirmed",
    confidence: 90,
    // "À midi le 20" (Beijing time inferred): 20 Nov 12:00 CST - 8 h = 20 Nov 04:00 UTC
    occurredAt: "2023-11-20T04:00:00.000Z",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "À midi le 20",
    firstReportedAt: "2023-11-20T04:00:00.000Z", // the announcement itself
    resolutionNote:
      "The board's own announcement, followed the same day by Shear's appointment and Nadella's hiring of Altman; the exact hour is uncertain (noon vs about 14:00 Beijing time).",
    entities: ["openai", "sam-altman", "emmett-shear"],
    evidence: [
      {
        source: "openai-interim-ceo-announcement",
        stance: "supports",
        quote:
          "À midi le 20, OpenAI a annoncé que le retour d’Ultraman avait échoué, et les membres du conseil d’administration ont choisi l’ancien PDG de Twitch, Emmett Shear, comme PDG par intérim.",
      },
    ],
  },
  {
    key: "shear-cofounded-twitch-amazon",
    statement: "Emmett Shear co-founded Twitch, which Amazon acquired in 2014 for nearly $1 billion.",
    context:
      "Background given as 'il est rapporté'. 'Il y a 16 ans' (2007) is the launch of Justin.tv, the site Twitch grew out of in 2011; the article compresses the two.",
    status: "confirmed",
    confidence: 92,
    occurredAt: null, // "il y a 16 ans" / "En 2014": no explicit day
    occurredAtText: "il y a 16 ans",
    firstReportedAt: null,
    resolutionNote:
      "Public record: Shear co-founded Justin.tv (2007) and its spin-off Twitch (2011); Amazon announced the purchase of Twitch in August 2014 for about $970 million.",
    entities: ["emmett-shear", "twitch", "amazon"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote: "Il est rapporté que Mitt Hill a cofondé la plateforme de streaming de jeux Twitch il y a 16 ans.",
      },
      {
        source: "titanium-media",
        stance: "supports",
        quote: "En 2014, Amazon a acquis Twitch pour près d’un milliard de dollars",
      },
    ],
  },
  {
    key: "shear-left-twitch-june",
    statement: "Emmett Shear announced in June 2023 that he was stepping down as Twitch CEO to spend more time with his newborn son.",
    context:
      "That Shear stepped down and the family reason are right; the month is not. He announced it in March 2023. Kept as a separate claim because the article states the wrong date as fact.",
    status: "false",
    confidence: 5,
    occurredAt: null, // "en juin de cette année": a month, no explicit day
    occurredAtText: "en juin de cette année",
    firstReportedAt: null,
    resolutionNote:
      "False as dated: Shear announced his resignation as Twitch CEO on 16 March 2023 (public record, not cited by the article), citing his young son. The resignation itself is true; 'June' is the article's error.",
    entities: ["emmett-shear", "twitch"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote:
          "en juin de cette année, Hill a annoncé qu’il démissionnait de son poste de PDG de Twitch, affirmant qu’il voulait passer plus de temps avec son fils nouveau-né.",
      },
      {
        source: "shear-twitch-stepdown-2023",
        stance: "refutes",
        quote:
          "en juin de cette année, Hill a annoncé qu’il démissionnait de son poste de PDG de Twitch, affirmant qu’il voulait passer plus de temps avec son fils nouveau-né.",
      },
    ],
  },
  {
    key: "shear-chosen-for-ai-risk-views",
    statement: "OpenAI's directors favoured Emmett Shear because he had publicly acknowledged the existential threat posed by AI.",
    context:
      "'Selon des sources': a claim about the directors' motives, which only the directors could confirm; none has. The same report adds that his decade running Twitch showed he could lead a large engineering team.",
    status: "rumored",
    confidence: 50,
    occurredAt: null,
    occurredAtText: "",
    firstReportedAt: null,
    resolutionNote: "",
    entities: ["emmett-shear", "openai"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "Selon des sources, Hill a gagné les faveurs des administrateurs d’OpenAI parce que les membres du conseil d’administration pensent que Hill a mentionné dans plusieurs discours publics qu’il semblait reconnaître la menace existentielle posée par l’IA.",
      },
    ],
  },
  {
    key: "shear-independent-investigation",
    statement: "Emmett Shear said he would hire an independent investigator to examine the process and communications around Altman's removal.",
    context:
      "From Shear's own post, which also set out a 30-day plan to reform management. The article quotes him as saying the affair 'seriously damaged our credibility' (his word was trust). This records the announcement; whether the investigation happens is open. The article gives only 'dans la soirée du 20' (Beijing), and the evening is what is stored.",
    status: "confirmed",
    confidence: 95,
    // "Dans la soirée du 20" (Beijing date): the evening of 20 Nov in Beijing, 18:00-24:00 CST = 10:00-16:00 UTC
    occurredAt: "2023-11-20",
    occurredPrecision: "evening",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "Dans la soirée du 20",
    // its own first report, which the article dates no closer than the occurrence
    firstReportedAt: null,
    resolutionNote: "Shear's own public post on X says so.",
    entities: ["emmett-shear", "openai", "sam-altman"],
    evidence: [
      {
        source: "shear-x-post",
        stance: "supports",
        quote:
          "Hill nommera un « enquêteur indépendant » pour enquêter sur le processus et les tactiques de communication entourant la destitution d’Altman, « [Cette affaire] a sérieusement nui à notre crédibilité ».",
      },
      {
        source: "shear-x-post",
        stance: "supports",
        quote:
          "Hill a ensuite tweeté qu’il prévoyait de réformer la gestion de la start-up d’intelligence artificielle (IA) dans le cadre de ses 30 premiers jours au pouvoir et de lancer une enquête sur l’éviction de son cofondateur et ancien PDG.",
      },
    ],
  },
  {
    key: "interim-ceo-candidates-declined",
    statement: "Before choosing Shear, OpenAI's board offered the interim CEO role to Nat Friedman and Alex Wang, who both declined.",
    context:
      "Attributed to The Information (anonymous sourcing); the people named have not confirmed. The article calls Nat Friedman 'PDG de GitHub', but he left that post in 2021. Amodei's refusal is tracked in amodei-offered-ceo-declined.",
    status: "rumored",
    confidence: 60,
    occurredAt: null,
    occurredAtText: "",
    // heading "Nouvelles du 21 novembre, heure de Pékin": date only, midnight UTC of 21 Nov
    firstReportedAt: "2023-11-21T00:00:00.000Z",
    resolutionNote: "",
    entities: ["openai", "nat-friedman", "alexandr-wang", "github", "scale-ai", "dario-amodei", "emmett-shear"],
    evidence: [
      {
        source: "the-information",
        stance: "supports",
        quote:
          "En plus d’Amodaii, le conseil d’administration a contacté d’autres dirigeants pour servir de PDG par intérim après le licenciement d’Altman, notamment le PDG de GitHub, Nat Friedman, et le PDG de Scale AI, Alex Wang, selon The information.",
      },
      {
        source: "titanium-media",
        stance: "supports",
        quote:
          "En fait, après l’éviction d’Altman, le conseil d’administration a également contacté d’autres dirigeants pour les inviter à occuper le poste de PDG par intérim d’OpenAI, notamment le PDG de GitHub, Nat Friedman, le PDG de Scale AI, Alex Wang, et Amodaiyi, qui ont tous décliné l’offre, à l’exception de Hill.",
      },
    ],
  },

  // ---- Microsoft hires Altman and Brockman; employees react (20 November, Beijing time) ----
  {
    key: "nadella-announces-altman-brockman-join",
    statement: "Satya Nadella announced that Sam Altman and Greg Brockman, with colleagues, would join Microsoft to lead a new advanced AI research team.",
    context:
      "What is confirmed is the announcement. Whether Altman actually takes up the job is open: by 21 November Nadella said Altman would work with Microsoft whether he joins it or returns to OpenAI (see altman-returns-openai). 'Plus de deux heures après l’annonce' agrees with Shear's appointment at about 14:00.",
    status: "confirmed",
    confidence: 97,
    // "vers 16 heures, heure de Pékin, le 20 novembre": 20 Nov 16:00 CST - 8 h = 20 Nov 08:00 UTC
    occurredAt: "2023-11-20T08:00:00.000Z",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "vers 16 heures, heure de Pékin, le 20 novembre",
    firstReportedAt: "2023-11-20T08:00:00.000Z", // the post itself
    resolutionNote: "Nadella's own public post on X; Altman reposted it ('the mission continues').",
    entities: ["satya-nadella", "microsoft", "sam-altman", "greg-brockman"],
    evidence: [
      {
        source: "nadella-x-post",
        stance: "supports",
        quote:
          "Plus de deux heures après l’annonce de la nouvelle, vers 16 heures, heure de Pékin, le 20 novembre, le PDG de Microsoft, Satya Nadella, a soudainement annoncé qu’Ultraman et Greg Brockman, l’ancien président d’OpenAI, rejoindraient Microsoft pour diriger la nouvelle équipe Microsoft AI.",
      },
      {
        source: "nadella-x-post",
        stance: "supports",
        quote: "Dans l’après-midi du 20, le PDG de Microsoft, Nadella, a annoncé qu’Altman, Brockman et leurs collègues rejoindraient Microsoft.",
      },
    ],
  },
  {
    key: "altman-mission-continues",
    statement: 'Sam Altman reposted Nadella\'s announcement with the words "the mission continues".',
    context: "Altman's own post; the article gives no time beyond 'after' Nadella's announcement.",
    status: "confirmed",
    confidence: 95,
    occurredAt: null,
    occurredAtText: "",
    firstReportedAt: null,
    resolutionNote: "Altman's own public post on X.",
    entities: ["sam-altman", "satya-nadella"],
    evidence: [
      {
        source: "altman-x-posts",
        stance: "supports",
        quote: "Altman a retweeté le message et a déclaré\u00a0: «\u00a0La mission continue.",
      },
    ],
  },
  {
    key: "murati-nothing-without-people",
    statement: 'Mira Murati and other OpenAI employees posted "OpenAI is nothing without its people".',
    context: "'À partir d’environ 17h50 le 20' has no zone; Beijing time is inferred from the section heading. The posts are public.",
    status: "confirmed",
    confidence: 92,
    // "À partir d’environ 17h50 le 20" (Beijing time inferred): 20 Nov 17:50 CST - 8 h = 20 Nov 09:50 UTC
    occurredAt: "2023-11-20T09:50:00.000Z",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "À partir d’environ 17h50 le 20",
    firstReportedAt: "2023-11-20T09:50:00.000Z",
    resolutionNote: "The posts are public on X, Murati's included.",
    entities: ["mira-murati", "openai"],
    evidence: [
      {
        source: "murati-x-post",
        stance: "supports",
        quote:
          "À partir d’environ 17h50 le 20, un certain nombre d’employés, dont Mira Murati, directrice technique d’OpenAI, ont tweeté qu'\"OpenAI n’est rien sans les employés\u00a0»",
      },
    ],
  },
  {
    key: "altman-heart-reposts",
    statement: 'Sam Altman reposted more than ten of the employees\' "OpenAI is nothing without its people" posts with a heart emoji.',
    context: "The count ('plus de 10') is the article's; the reposts are public. No time given beyond following the employees' posts.",
    status: "confirmed",
    confidence: 85,
    occurredAt: null,
    occurredAtText: "",
    // heading "Actualités du 20 novembre, heure de Pékin": date only, midnight UTC of 20 Nov
    firstReportedAt: "2023-11-20T00:00:00.000Z",
    resolutionNote: "Altman's reposts are public on X; the exact count was not checked.",
    entities: ["sam-altman", "openai"],
    evidence: [
      {
        source: "altman-x-posts",
        stance: "supports",
        quote: "Ultraman a retweeté plus de 10 éléments du contenu avec des emojis «\u00a0cœur\u00a0».",
      },
    ],
  },

  // ---- The employees' letter ----
  {
    key: "letter-490-signatories",
    statement: "490 OpenAI employees signed a letter threatening to resign unless the board resigned and reinstated Altman as CEO.",
    context:
      "The first count the article gives ('dans la soirée du 20', Beijing date: only the evening is known). It later says 'more than 700' (letter-700-signatories): the list grew, or the counts come from different reports. The article says the signatures are mostly electronic, cannot be authenticated, and OpenAI has not confirmed.",
    status: "unverified",
    confidence: 55,
    // "Dans la soirée du 20" (Beijing date): the evening of 20 Nov in Beijing, 18:00-24:00 CST = 10:00-16:00 UTC
    occurredAt: "2023-11-20",
    occurredPrecision: "evening",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "Dans la soirée du 20",
    // its own first report, which the article dates no closer than the occurrence
    firstReportedAt: null,
    resolutionNote: "",
    entities: ["openai", "sam-altman"],
    evidence: [
      {
        source: "employees-letter",
        stance: "supports",
        quote:
          "Dans la soirée du 20, 490 employés d’OpenAI ont collectivement écrit une lettre de protestation, menaçant le conseil d’administration de démissionner à moins que le conseil d’administration ne démissionne et ne laisse Altman reprendre le rôle de PDG.",
      },
      {
        source: "titanium-media",
        stance: "mentions",
        quote:
          "Cependant, cette liste est principalement constituée de signatures électroniques, et il n’est pas possible d’en clarifier l’authenticité à l’heure actuelle, et OpenAI n’a pas confirmé cette affaire.",
      },
    ],
  },
  {
    key: "letter-700-signatories",
    statement: "More than 700 of OpenAI's roughly 770 employees signed the letter demanding the board's resignation.",
    context:
      "Nobody can check this yet: the list is mostly electronic signatures, the article says their authenticity cannot be established, and OpenAI has not confirmed. The arithmetic is off: 700/770 is 91%, so the article's 95% implies about 730 signatures.",
    status: "unverified",
    confidence: 60,
    occurredAt: null,
    occurredAtText: "",
    // heading "Nouvelles du 21 novembre, heure de Pékin": date only, midnight UTC of 21 Nov
    firstReportedAt: "2023-11-21T00:00:00.000Z",
    resolutionNote: "",
    entities: ["openai"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "Selon les rapports, plus de 700 employés d’OpenAI (95% du total des 770 employés) ont signé une lettre commune pour forcer le conseil d’administration à réintégrer Altman et Brockman au nom de la démission, et pour exiger que les membres du conseil d’administration soient remplacés.",
      },
      {
        source: "employees-letter",
        stance: "supports",
        quote: "Le nombre de lettres conjointes a dépassé les 700, ce qui représente 95 % du total d’environ 770 employés d’OpenAI.",
      },
      {
        source: "titanium-media",
        stance: "mentions",
        quote:
          "Cependant, cette liste est principalement constituée de signatures électroniques, et il n’est pas possible d’en clarifier l’authenticité à l’heure actuelle, et OpenAI n’a pas confirmé cette affaire.",
      },
    ],
  },
  {
    key: "letter-demands-microsoft-threat",
    statement: "The employees' letter demanded that the board resign and reinstate Altman and Brockman, or the signatories would move to Microsoft together.",
    context:
      "The text is quoted, but its authenticity and its list of signatories are not confirmed by OpenAI. The letter also says the board's process for firing Altman and removing Brockman jeopardised the company's work, and that the board is unable to oversee OpenAI.",
    status: "unverified",
    confidence: 70,
    // "Dans la soirée du 20" (Beijing date): the evening of 20 Nov in Beijing, 18:00-24:00 CST = 10:00-16:00 UTC
    occurredAt: "2023-11-20",
    occurredPrecision: "evening",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "Dans la soirée du 20",
    // its own first report, which the article dates no closer than the occurrence
    firstReportedAt: null,
    resolutionNote: "",
    entities: ["openai", "sam-altman", "greg-brockman", "microsoft"],
    evidence: [
      {
        source: "employees-letter",
        stance: "supports",
        quote:
          "La lettre indiquait également que le conseil d’administration devait accepter toutes les conditions des employés, sinon les employés déménageraient collectivement chez Microsoft.",
      },
      {
        source: "employees-letter",
        stance: "supports",
        quote:
          "« Votre processus de licenciement d’Altman et de retrait de Brockman du conseil d’administration a mis en péril tout le travail de l’entreprise et sapé notre mission », peut-on lire dans la lettre.",
      },
      {
        source: "employees-letter",
        stance: "supports",
        quote: "Vos actions ont clairement montré que vous n’êtes pas capable de réglementer OpenAI.",
      },
    ],
  },
  {
    key: "sutskever-signed-letter",
    statement: "Ilya Sutskever signed the employees' letter calling for the board to resign.",
    context:
      "The article presents it as fact, then says the electronic signatures cannot be authenticated and OpenAI has not confirmed. Sutskever's own post expresses regret (sutskever-regret-post) but, as the article reports it, does not mention signing.",
    status: "unverified",
    confidence: 65,
    occurredAt: null,
    occurredAtText: "",
    // heading "Actualités du 20 novembre, heure de Pékin": date only, midnight UTC of 20 Nov
    firstReportedAt: "2023-11-20T00:00:00.000Z",
    resolutionNote: "",
    entities: ["ilya-sutskever", "openai"],
    evidence: [
      {
        source: "employees-letter",
        stance: "supports",
        quote:
          "Ce qui est encore plus surprenant, c’est qu’Ilya Sutskever, cofondateur et scientifique en chef d’OpenAI, qui était auparavant considéré comme le contraire, a également signé.",
      },
      {
        source: "titanium-media",
        stance: "mentions",
        quote:
          "Cependant, cette liste est principalement constituée de signatures électroniques, et il n’est pas possible d’en clarifier l’authenticité à l’heure actuelle, et OpenAI n’a pas confirmé cette affaire.",
      },
    ],
  },

  // ---- The board's vote ----
  {
    key: "sutskever-voted-removal",
    statement: "Ilya Sutskever was one of the four OpenAI board members who voted to remove Sam Altman.",
    context:
      "The board never published a vote count. With Altman and Brockman left out, four directors remained. Sutskever's part is established by his own post regretting 'sa participation' and by the first-hand account of the call in which he told Altman he was fired.",
    status: "confirmed",
    confidence: 85,
    occurredAt: null,
    occurredAtText: "",
    firstReportedAt: null,
    resolutionNote:
      "Sutskever's own post acknowledges his participation in the board's action, and Brockman's first-hand account has him delivering the news; the vote itself was not published.",
    entities: ["ilya-sutskever", "openai", "sam-altman"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote: "Il était l’un des quatre membres du conseil d’administration qui ont voté en faveur de la destitution d’Ultraman.",
      },
      {
        source: "sutskever-x-post",
        stance: "supports",
        quote:
          "Cependant, Ilya a déclaré sur les réseaux sociaux qu’il regrettait sa participation à la destitution du conseil d’administration et qu’il ferait de son mieux pour réunir l’équipe d’OpenAI.",
      },
    ],
  },
  {
    key: "sutskever-regret-post",
    statement: "Ilya Sutskever posted that he regretted his participation in the board's removal of Altman and would do everything he could to reunite OpenAI.",
    context: "His own post on X. The article adds that Altman and Murati responded to it with hearts.",
    status: "confirmed",
    confidence: 95,
    occurredAt: null,
    occurredAtText: "",
    // heading "Actualités du 20 novembre, heure de Pékin": date only, midnight UTC of 20 Nov
    firstReportedAt: "2023-11-20T00:00:00.000Z",
    resolutionNote: "Sutskever's own public post on X.",
    entities: ["ilya-sutskever", "sam-altman", "mira-murati", "openai"],
    evidence: [
      {
        source: "sutskever-x-post",
        stance: "supports",
        quote:
          "Cependant, Ilya a déclaré sur les réseaux sociaux qu’il regrettait sa participation à la destitution du conseil d’administration et qu’il ferait de son mieux pour réunir l’équipe d’OpenAI.",
      },
      {
        source: "altman-x-posts",
        stance: "mentions",
        quote: "Ultraman et Mira lui ont donné un symbole sincère pour ce post.",
      },
    ],
  },
  {
    key: "dangelo-voted-removal",
    statement: "OpenAI board member Adam D'Angelo, CEO of Quora, voted to remove Sam Altman.",
    context:
      "The article states it as fact without a source. The board has not published how each director voted; D'Angelo stayed on the board and has not commented. Plausible (four directors remained) but not confirmed by anyone who would know.",
    status: "rumored",
    confidence: 70,
    occurredAt: null,
    occurredAtText: "",
    firstReportedAt: null,
    resolutionNote: "",
    entities: ["adam-dangelo", "quora", "openai", "sam-altman"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote:
          "Il convient de mentionner qu’Adam D’Angelo, membre du conseil d’administration d’OpenAI et cofondateur et PDG de Quora, a voté en faveur du retrait d’Ultraman cette fois-ci.",
      },
    ],
  },
  {
    key: "dangelo-gpts-conflict",
    statement: "A conflict between OpenAI's GPTs launch and Quora's products led Adam D'Angelo to move against Altman.",
    context:
      "Explicitly a rumour: the article says it 'n’est pas concluante', nobody has proved it and nobody knows the truth yet. The translation garbles who rallied whom ('n’avait pas rallié Ilya'); the rumour appears to be that D'Angelo felt Altman had not been open with the board and rallied Sutskever. Kept open (rumored) rather than inconclusive because the article presents it as still undecided.",
    status: "rumored",
    confidence: 25,
    occurredAt: null,
    occurredAtText: "",
    firstReportedAt: null,
    resolutionNote: "",
    entities: ["adam-dangelo", "quora", "sam-altman", "ilya-sutskever", "openai"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "Il y avait des rumeurs selon lesquelles il y avait un conflit entre la sortie des GPT par Ultraman et la sortie des produits par Quora, ce qui l’a amené à croire qu’Ultraman n’avait pas pleinement communiqué avec le conseil d’administration et n’avait pas rallié Ilya pour lancer une action de rappel.",
      },
      {
        source: "titanium-media",
        stance: "mentions",
        quote: "Mais cette affaire n’est pas concluante, et personne ne l’a prouvée, et personne ne connaît la vérité pour le moment.",
      },
    ],
  },

  // ---- Nadella on 21 November ----
  {
    key: "nadella-open-to-altman",
    statement:
      "Satya Nadella told Bloomberg TV that Microsoft is open to Altman leading either at Microsoft or back at OpenAI, and that Altman will work with Microsoft either way.",
    context:
      "'Tôt le matin du 21' is Beijing date: only the morning is known (the interview was on 20 November, US time). It softens the previous day's announcement that Altman would join Microsoft.",
    status: "confirmed",
    confidence: 95,
    // "Tôt le matin du 21" (Beijing date): the morning of 21 Nov in Beijing, 06:00-12:00 CST = 20 Nov 22:00 - 21 Nov 04:00 UTC
    occurredAt: "2023-11-21",
    occurredPrecision: "morning",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "Tôt le matin du 21",
    // its own first report, which the article dates no closer than the occurrence
    firstReportedAt: null,
    resolutionNote: "Nadella's own on-the-record words in a television interview.",
    entities: ["satya-nadella", "microsoft", "sam-altman", "openai"],
    evidence: [
      {
        source: "nadella-bloomberg-tv",
        stance: "supports",
        quote:
          "Tôt le matin du 21, le PDG de Microsoft, Nadella, a déclaré à Bloomberg TV que Microsoft était «\u00a0ouvert\u00a0» à la direction d’Ultraman, et que Qu’Ultraman rejoigne Microsoft ou revienne à OpenAI, Ultraman coopérera avec Microsoft.",
      },
      {
        source: "nadella-bloomberg-tv",
        stance: "supports",
        quote: "« Peu importe où Sam [Altman] se trouve, il travaille avec Microsoft.",
      },
    ],
  },
  {
    key: "nadella-not-told-reason",
    statement: "Satya Nadella said Microsoft, OpenAI's largest investor, has not been told why the board fired Altman.",
    context:
      "Nadella's own statement. It records what he says he was told, not what the reason is; the board has still not explained, beyond its 'not consistently candid' wording (see board-not-candid).",
    status: "confirmed",
    confidence: 90,
    // "Le 21 novembre" (Beijing date, from the section heading): the whole of 21 Nov in Beijing = 20 Nov 16:00 - 21 Nov 16:00 UTC
    occurredAt: "2023-11-21",
    occurredPrecision: "day",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "Le 21 novembre",
    // its own first report, which the article dates no closer than the occurrence
    firstReportedAt: null,
    resolutionNote: "Nadella's own on-the-record words; no party contradicts them.",
    entities: ["satya-nadella", "microsoft", "openai", "sam-altman"],
    evidence: [
      {
        source: "nadella-bloomberg-tv",
        stance: "supports",
        quote:
          "Nadella a également révélé que, bien qu’il soit le plus grand investisseur d’OpenAI, il n’a pas été informé de la raison pour laquelle Ultraman a été licencié jusqu’à présent.",
      },
      {
        source: "nadella-bloomberg-tv",
        stance: "mentions",
        quote: "« Le conseil d’administration et moi n’avons parlé de rien d’autre que d’une panne de communication.",
      },
    ],
  },
  {
    key: "altman-returns-openai",
    statement: "Sam Altman will return to OpenAI as CEO.",
    context:
      "Open as of 21 November: the article ends by saying events are still evolving, and Nadella allows for either outcome. It is a forecast nobody can check yet.",
    status: "unverified",
    confidence: 35,
    occurredAt: null,
    occurredAtText: "",
    firstReportedAt: null,
    resolutionNote: "",
    entities: ["sam-altman", "openai", "microsoft"],
    evidence: [
      {
        source: "titanium-media",
        stance: "mentions",
        quote: "Quant à savoir si Ultraman reviendra à OpenAI, les événements sont encore en train d’évoluer.",
      },
      {
        source: "nadella-bloomberg-tv",
        stance: "mentions",
        quote:
          "Le 21 novembre, le PDG de Microsoft, Nadella, a déclaré que Microsoft était « ouvert » à la direction d’Ultraman, et qu’Ultraman coopérerait avec Microsoft, qu’Ultraman rejoigne Microsoft ou revienne à OpenAI.",
      },
    ],
  },

  // ---- Timeline: 16-17 November, San Francisco time ----
  {
    key: "sutskever-texted-altman",
    statement: "On the evening of 16 November (San Francisco time), Ilya Sutskever texted Sam Altman asking to talk at noon on 17 November.",
    context:
      "The article says Altman and Brockman both got the text, but its next lines have Brockman first texted at 12:19 on the 17th; the first-hand account it follows says Altman. Only the evening is known: 'dans la soirée du 16 novembre, heure locale' is the evening of 16 Nov in San Francisco, early on 17 Nov in UTC.",
    status: "confirmed",
    confidence: 80,
    // "Dans la soirée du 16 novembre, heure locale": the evening of 16 Nov in San Francisco,
    // 18:00-24:00 PST = 17 Nov 02:00-08:00 UTC
    occurredAt: "2023-11-16",
    occurredPrecision: "evening",
    occurredZone: "America/Los_Angeles",
    occurredAtText: "Dans la soirée du 16 novembre, heure locale",
    firstReportedAt: null,
    resolutionNote:
      "First-hand account published by Brockman for himself and Altman; not disputed by the board or Sutskever as of 21 November. The Brockman part of the article's sentence is not supported.",
    entities: ["ilya-sutskever", "sam-altman", "greg-brockman"],
    evidence: [
      {
        source: "brockman-timeline-post",
        stance: "supports",
        quote:
          "Dans la soirée du 16 novembre, heure locale, Altman, l’ancien PDG d’OpenAI, et Brockman, l’ancien président, ont reçu un SMS du scientifique en chef Ilya Sutskever, qui a demandé une conversation à midi le 17.",
      },
    ],
  },
  {
    key: "altman-fired-google-meet",
    statement:
      "At noon San Francisco time on 17 November, Altman joined a Google Meet with the whole board except Brockman, and Sutskever told him he was being fired.",
    context:
      "The article's 'J’ai assisté' (I attended) is a translation slip: it was Altman who joined. Time from 'à midi le 17' in a paragraph in local (San Francisco) time.",
    status: "confirmed",
    confidence: 85,
    // "à midi le 17" (San Francisco, PST): 17 Nov 12:00 PST + 8 h = 17 Nov 20:00 UTC
    occurredAt: "2023-11-17T20:00:00.000Z",
    occurredZone: "America/Los_Angeles",
    occurredAtText: "à midi le 17",
    firstReportedAt: null,
    resolutionNote: "First-hand account by Brockman for Altman and himself, consistent with the board's announcement published the same hour.",
    entities: ["sam-altman", "ilya-sutskever", "greg-brockman", "openai"],
    evidence: [
      {
        source: "brockman-timeline-post",
        stance: "supports",
        quote: "J’ai assisté à une réunion Google Meet en présence de l’ensemble du conseil d’administration, à l’exception de Brockman.",
      },
      {
        source: "brockman-timeline-post",
        stance: "supports",
        quote: "Ilya dit à Ultraman qu’il va être viré et que la nouvelle sortira bientôt.",
      },
    ],
  },
  {
    key: "sutskever-texted-brockman-1219",
    statement: "At 12:19 pm San Francisco time on 17 November, Sutskever texted Brockman asking him to call back quickly.",
    context: "From the first-hand account the article's timeline follows.",
    status: "confirmed",
    confidence: 80,
    // "À 12 h 19, heure locale, le 17" (PST): 17 Nov 12:19 PST + 8 h = 17 Nov 20:19 UTC
    occurredAt: "2023-11-17T20:19:00.000Z",
    occurredZone: "America/Los_Angeles",
    occurredAtText: "À 12 h 19, heure locale, le 17",
    firstReportedAt: null,
    resolutionNote: "Brockman's own first-hand account; not disputed as of 21 November.",
    entities: ["ilya-sutskever", "greg-brockman"],
    evidence: [
      {
        source: "brockman-timeline-post",
        stance: "supports",
        quote: "À 12 h 19, heure locale, le 17, Brockman a reçu un SMS d’Ilya, lui demandant de le rappeler rapidement.",
      },
    ],
  },
  {
    key: "brockman-told-removed-1223",
    statement:
      "At 12:23 pm San Francisco time on 17 November, Brockman was told on a Google Meet that he would be removed from the board but keep his role, and that Altman had been fired.",
    context: "From the first-hand account. The board's blog post the same hour says Brockman steps down as chairman and stays at the company, which matches.",
    status: "confirmed",
    confidence: 85,
    // "À 12 h 23, heure locale, le 17" (PST): 17 Nov 12:23 PST + 8 h = 17 Nov 20:23 UTC
    occurredAt: "2023-11-17T20:23:00.000Z",
    occurredZone: "America/Los_Angeles",
    occurredAtText: "À 12 h 23, heure locale, le 17",
    firstReportedAt: null,
    resolutionNote: "Brockman's own account, matching the board's published announcement.",
    entities: ["greg-brockman", "ilya-sutskever", "sam-altman", "openai"],
    evidence: [
      {
        source: "brockman-timeline-post",
        stance: "supports",
        quote: "À 12 h 23, heure locale, le 17, Ilya a envoyé un lien Google Meet.",
      },
      {
        source: "brockman-timeline-post",
        stance: "supports",
        quote:
          "Brockman a été informé qu’il serait retiré du conseil d’administration (mais qu’il était vital pour l’entreprise et qu’il conserverait son poste), tandis qu’Altman avait été congédié.",
      },
    ],
  },
  {
    key: "murati-learned-night-before",
    statement: "Mira Murati learned of Altman's removal the night before it happened, while the rest of OpenAI's leadership team learned shortly after.",
    context:
      "From Brockman's account, second-hand as far as Murati is concerned; neither Murati nor the board has confirmed when she was told. 'La veille' is 16 November but not stated as a date.",
    status: "rumored",
    confidence: 60,
    occurredAt: null, // "la veille": no explicit date
    occurredAtText: "la veille",
    firstReportedAt: null,
    resolutionNote: "",
    entities: ["mira-murati", "openai", "sam-altman"],
    evidence: [
      {
        source: "brockman-timeline-post",
        stance: "supports",
        quote: "L’équipe de direction s’en est rendu compte peu de temps après, sauf que la nouvelle PDG par intérim, Mira Murati, l’a appris la veille.",
      },
    ],
  },

  // ---- The board's announcement (public early 18 November, Beijing time) ----
  {
    key: "altman-removed-as-ceo",
    statement: "OpenAI's board removed Sam Altman as CEO and from the board, announcing it in a blog post at about noon San Francisco time on 17 November.",
    context:
      "The article puts the blog post 'à peu près au même moment' as the 12:23 call, at 04:00 Beijing time on 18 November, i.e. noon PST on the 17th; it also calls the day 'Vendredi, heure locale' (Friday 17 November). Its 'démissionnerait' (would resign) misrenders a removal: see altman-resigned-voluntarily.",
    status: "confirmed",
    confidence: 99,
    // "4 heures du matin, heure de Pékin, le 18": 18 Nov 04:00 CST - 8 h = 17 Nov 20:00 UTC (= 12:00 PST)
    occurredAt: "2023-11-17T20:00:00.000Z",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "4 heures du matin, heure de Pékin, le 18",
    firstReportedAt: "2023-11-17T20:00:00.000Z", // the blog post itself
    resolutionNote: "OpenAI's own official announcement (blog post), acknowledged by Altman's farewell post.",
    entities: ["sam-altman", "openai"],
    evidence: [
      {
        source: "openai-blog",
        stance: "supports",
        quote: "À peu près au même moment (4 heures du matin, heure de Pékin, le 18), OpenAI a publié un billet de blog.",
      },
      {
        source: "openai-blog",
        stance: "supports",
        quote:
          "Vendredi, heure locale, OpenAI a annoncé qu’Altman démissionnerait de son poste de PDG et quitterait le conseil d’administration, et serait remplacé par le directeur technique Mira, avec effet immédiat.",
      },
    ],
  },
  {
    key: "altman-resigned-voluntarily",
    statement: "Sam Altman resigned as OpenAI's CEO of his own accord.",
    context:
      "The article's 'démissionnerait de son poste de PDG' (would resign) reads as a voluntary resignation. It is a translation of the board's 'departure' wording; the board says it decided after its own review, and the first-hand account has Sutskever telling Altman he was fired.",
    status: "false",
    confidence: 3,
    occurredAt: null, // "Vendredi, heure locale": a weekday, no explicit date (Friday = 17 Nov)
    occurredAtText: "Vendredi, heure locale",
    firstReportedAt: "2023-11-17T20:00:00.000Z",
    resolutionNote:
      "False: the board's own statement presents the departure as its decision after deliberation, and Brockman's first-hand account says Altman was told he was being fired. Nobody claims he resigned.",
    entities: ["sam-altman", "openai"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote:
          "Vendredi, heure locale, OpenAI a annoncé qu’Altman démissionnerait de son poste de PDG et quitterait le conseil d’administration, et serait remplacé par le directeur technique Mira, avec effet immédiat.",
      },
      {
        source: "openai-blog",
        stance: "refutes",
        quote:
          "Le conseil d’administration d’OpenAI a tweeté que le départ d’Altman était la conclusion à laquelle le conseil d’administration était parvenu après délibération",
      },
      {
        source: "brockman-timeline-post",
        stance: "refutes",
        quote: "Ilya dit à Ultraman qu’il va être viré et que la nouvelle sortira bientôt.",
      },
    ],
  },
  {
    key: "murati-named-interim-ceo",
    statement: "OpenAI named its chief technology officer Mira Murati interim CEO with immediate effect on 17 November.",
    context: "Part of the same board announcement. She was replaced as interim CEO by Emmett Shear on 20 November (Beijing time).",
    status: "confirmed",
    confidence: 98,
    // "4 heures du matin, heure de Pékin, le 18": 18 Nov 04:00 CST - 8 h = 17 Nov 20:00 UTC
    occurredAt: "2023-11-17T20:00:00.000Z",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "4 heures du matin, heure de Pékin, le 18",
    firstReportedAt: "2023-11-17T20:00:00.000Z",
    resolutionNote: "OpenAI's own official announcement.",
    entities: ["mira-murati", "openai"],
    evidence: [
      {
        source: "openai-blog",
        stance: "supports",
        quote:
          "Vendredi, heure locale, OpenAI a annoncé qu’Altman démissionnerait de son poste de PDG et quitterait le conseil d’administration, et serait remplacé par le directeur technique Mira, avec effet immédiat.",
      },
    ],
  },
  {
    key: "board-not-candid",
    statement:
      "OpenAI's board said it no longer had confidence in Altman's ability to lead because he had not been consistently candid in his communications with the board.",
    context:
      "The article's 'constamment malhonnête' (consistently dishonest) overstates the board's wording ('not consistently candid'). Confirmed is that the board SAID this; the substance is unverified: the board gave no examples, and Nadella says he was not told the reason. The article also says the board 'tweeted' it; it was the blog post.",
    status: "confirmed",
    confidence: 97,
    // "4 heures du matin, heure de Pékin, le 18": 18 Nov 04:00 CST - 8 h = 17 Nov 20:00 UTC
    occurredAt: "2023-11-17T20:00:00.000Z",
    occurredZone: "Asia/Shanghai",
    occurredAtText: "4 heures du matin, heure de Pékin, le 18",
    firstReportedAt: "2023-11-17T20:00:00.000Z",
    resolutionNote: "The wording is in OpenAI's own blog post; what it refers to has not been disclosed.",
    entities: ["openai", "sam-altman"],
    evidence: [
      {
        source: "openai-blog",
        stance: "supports",
        quote:
          "Le conseil d’administration d’OpenAI a tweeté que le départ d’Altman était la conclusion à laquelle le conseil d’administration était parvenu après délibération, et que le conseil d’administration ne croyait plus en sa capacité à continuer à diriger OpenAI parce qu’il avait été constamment malhonnête dans ses communications avec le conseil d’administration, entravant la capacité du conseil d’administration à remplir ses fonctions.",
      },
    ],
  },
  {
    key: "altman-farewell-post",
    statement: "Sam Altman posted that he loved his time at OpenAI, loved working with its people, and would have more to say later.",
    context: "His own post after the announcement; the article files it under 'Information publique tôt le 18 novembre, heure de Beijing' without a time.",
    status: "confirmed",
    confidence: 95,
    occurredAt: null,
    occurredAtText: "",
    // heading "Information publique tôt le 18 novembre, heure de Beijing": date only, midnight UTC of 18 Nov
    firstReportedAt: "2023-11-18T00:00:00.000Z",
    resolutionNote: "Altman's own public post on X.",
    entities: ["sam-altman", "openai"],
    evidence: [
      {
        source: "altman-x-posts",
        stance: "supports",
        quote:
          "Altman a posté : « J’ai apprécié mon temps chez OpenAI, c’était révolutionnaire pour moi, et j’espère faire une différence dans le monde aussi. »",
      },
      {
        source: "altman-x-posts",
        stance: "supports",
        quote: "J’ai plus de détails à dire par la suite.",
      },
    ],
  },
  {
    key: "brockman-quits",
    statement: "Greg Brockman announced that he was quitting OpenAI and leaving all his positions there.",
    context: "His own post. On whether he first 'resigned' as chairman, see brockman-resigned-chair.",
    status: "confirmed",
    confidence: 97,
    occurredAt: null,
    occurredAtText: "",
    // heading "Information publique tôt le 18 novembre, heure de Beijing": date only, midnight UTC of 18 Nov
    firstReportedAt: "2023-11-18T00:00:00.000Z",
    resolutionNote: "Brockman's own public post on X; Nadella's announcement that he joins Microsoft follows from it.",
    entities: ["greg-brockman", "openai"],
    evidence: [
      {
        source: "brockman-quit-post",
        stance: "supports",
        quote:
          "Par la suite, Greg Brockman, cofondateur et président d’OpenAI, a également annoncé sur les plateformes sociales qu’après avoir démissionné de son poste de président du conseil d’administration, il avait décidé de quitter complètement l’entreprise et de démissionner de tous ses postes chez OpenAI.",
      },
    ],
  },
  {
    key: "brockman-resigned-chair",
    statement: "Greg Brockman resigned as chairman of OpenAI's board of his own accord before quitting the company.",
    context:
      "The article's rendering of Brockman's post says he had 'resigned' as chairman. The board's blog post said he was 'stepping down' as chairman; Brockman's own account says he was told he was being removed, and the employees' letter speaks of his 'retrait' (removal).",
    status: "false",
    confidence: 10,
    occurredAt: null,
    occurredAtText: "",
    // heading "Information publique tôt le 18 novembre, heure de Beijing": date only, midnight UTC of 18 Nov
    firstReportedAt: "2023-11-18T00:00:00.000Z",
    resolutionNote:
      "Brockman's first-hand account says he was told he would be removed from the board, and the letter calls it a removal; the board's 'stepping down' wording does not claim it was voluntary. The article's 'démissionné' is a mistranslation.",
    entities: ["greg-brockman", "openai"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote:
          "après avoir démissionné de son poste de président du conseil d’administration, il avait décidé de quitter complètement l’entreprise et de démissionner de tous ses postes chez OpenAI.",
      },
      {
        source: "brockman-timeline-post",
        stance: "refutes",
        quote:
          "Brockman a été informé qu’il serait retiré du conseil d’administration (mais qu’il était vital pour l’entreprise et qu’il conserverait son poste), tandis qu’Altman avait été congédié.",
      },
      {
        source: "employees-letter",
        stance: "refutes",
        quote:
          "« Votre processus de licenciement d’Altman et de retrait de Brockman du conseil d’administration a mis en péril tout le travail de l’entreprise et sapé notre mission », peut-on lire dans la lettre.",
      },
    ],
  },

  // ---- Timeline: news of 19 November, Beijing time ----
  {
    key: "altman-ai-chip-venture",
    statement:
      "Sam Altman told investors he plans to launch a new AI chip company, building TPU-style chips to compete with Nvidia, with backing from investors including Sequoia Capital.",
    context:
      "No source named. Altman has not confirmed it. The article adds that the company is at an early stage and that Brockman might join. Sequoia's willingness to back Altman is reported, not stated by Sequoia.",
    status: "rumored",
    confidence: 40,
    occurredAt: null,
    occurredAtText: "",
    // heading "Heure de Pékin le 19 novembre": date only, midnight UTC of 19 Nov
    firstReportedAt: "2023-11-19T00:00:00.000Z",
    resolutionNote: "",
    entities: ["sam-altman", "nvidia", "sequoia-capital", "greg-brockman"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote:
          "Altman a déclaré aux investisseurs qu’il prévoyait de lancer une nouvelle société de puces d’IA qui vise à construire des puces d’IA avec des unités de traitement tensorielles (TPU) pour concurrencer Nvidia.",
      },
      {
        source: "titanium-media",
        stance: "supports",
        quote:
          "À l’heure actuelle, la nouvelle société est encore en phase de développement, Brockman pourrait la rejoindre, et plusieurs investisseurs, dont Sequoia Capital, ont exprimé leur volonté de soutenir Altman.",
      },
    ],
  },
  {
    key: "board-talks-altman-return",
    statement: "OpenAI's board held talks with Sam Altman about his return as CEO.",
    context:
      "Reported on 19 November (Beijing time) without a named source. The talks themselves are borne out by OpenAI's announcement on 20 November that the effort to bring Altman back had failed.",
    status: "confirmed",
    confidence: 85,
    occurredAt: null,
    occurredAtText: "",
    // heading "Heure de Pékin le 19 novembre": date only, midnight UTC of 19 Nov
    firstReportedAt: "2023-11-19T00:00:00.000Z",
    resolutionNote:
      "OpenAI itself announced that Altman's return had failed, which acknowledges that a return was negotiated. What was discussed is not confirmed.",
    entities: ["openai", "sam-altman"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote: "Le conseil d’administration d’OpenAI est en pourparlers avec Altman pour reprendre le rôle de PDG.",
      },
      {
        source: "openai-interim-ceo-announcement",
        stance: "supports",
        quote: "À midi le 20, OpenAI a annoncé que le retour d’Ultraman avait échoué",
      },
    ],
  },
  {
    key: "altman-ambivalent-governance",
    statement: "Sam Altman was ambivalent about returning to OpenAI and wanted major governance changes as a condition.",
    context: "Reported without a named source; a claim about Altman's state of mind and conditions that neither he nor the board has confirmed.",
    status: "rumored",
    confidence: 50,
    occurredAt: null,
    occurredAtText: "",
    // heading "Heure de Pékin le 19 novembre": date only, midnight UTC of 19 Nov
    firstReportedAt: "2023-11-19T00:00:00.000Z",
    resolutionNote: "",
    entities: ["sam-altman", "openai"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote: "Il se sent « ambivalent » quant à ce retour et souhaite un changement majeur de gouvernance.",
      },
    ],
  },
  {
    key: "nadella-pushed-altman-return",
    statement: "Satya Nadella spoke with Altman to make sure he could go back to work at OpenAI on Monday, 20 November (local time).",
    context:
      "Garbled and unattributed. It seems to reflect reports that Microsoft was pushing for Altman's reinstatement over the weekend. Microsoft hired him instead the next day, which neither confirms nor refutes the talks. 'Lundi, heure locale' is the intended return date, not when the conversation happened.",
    status: "rumored",
    confidence: 35,
    occurredAt: null,
    occurredAtText: "",
    // heading "Heure de Pékin le 19 novembre": date only, midnight UTC of 19 Nov
    firstReportedAt: "2023-11-19T00:00:00.000Z",
    resolutionNote: "",
    entities: ["satya-nadella", "sam-altman", "microsoft", "openai"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote: "Nadella a parlé à Altman pour s’assurer qu’il peut retourner travailler chez OpenAI lundi, heure locale.",
      },
    ],
  },

  // ---- Timeline: news of 20 November, Beijing time ----
  {
    key: "altman-hq-visitor",
    statement: "Sam Altman went to OpenAI's San Francisco headquarters as a \"visitor\" with Greg Brockman to meet the company's executives.",
    context:
      "The article states it without a source or time, and garbles the sentence ('a rencontré l’ancien président Brockman'). Altman's own photo of his guest badge, widely shared that day, is not cited by the article, so this stays open here.",
    status: "rumored",
    confidence: 65,
    occurredAt: null,
    occurredAtText: "",
    // heading "Actualités du 20 novembre, heure de Pékin": date only, midnight UTC of 20 Nov
    firstReportedAt: "2023-11-20T00:00:00.000Z",
    resolutionNote: "",
    entities: ["sam-altman", "greg-brockman", "openai"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote: "Altman a rencontré l’ancien président Brockman en tant que « visiteur » avec les dirigeants au siège social de la société à San Francisco",
      },
    ],
  },
  {
    key: "microsoft-board-seat",
    statement: "Microsoft backed Altman's reinstatement and considered seeking an important seat on a new OpenAI board.",
    context: "'Il a été rapporté': no source named; Microsoft has not said so publicly. The chess metaphor ('pièce d’échecs') is the translation's.",
    status: "rumored",
    confidence: 45,
    occurredAt: null,
    occurredAtText: "",
    // heading "Actualités du 20 novembre, heure de Pékin": date only, midnight UTC of 20 Nov
    firstReportedAt: "2023-11-20T00:00:00.000Z",
    resolutionNote: "",
    entities: ["microsoft", "sam-altman", "openai"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "Par la suite, il a été rapporté que Microsoft souhaitait soutenir le retour d’Ultraman sur le trône et envisager de placer une pièce d’échecs importante dans le nouveau conseil d’administration d’OpenAI",
      },
    ],
  },
  {
    key: "dozens-employees-resigned",
    statement: "Dozens of OpenAI employees resigned after Altman's departure was confirmed.",
    context:
      "Unattributed, with no names or count beyond 'des dizaines'. OpenAI has not confirmed any number. Not to be confused with the letter's threatened resignations, which are conditional.",
    status: "rumored",
    confidence: 45,
    occurredAt: null,
    occurredAtText: "",
    // heading "Actualités du 20 novembre, heure de Pékin": date only, midnight UTC of 20 Nov
    firstReportedAt: "2023-11-20T00:00:00.000Z",
    resolutionNote: "",
    entities: ["openai", "sam-altman"],
    evidence: [
      {
        source: "titanium-media",
        stance: "supports",
        quote: "Depuis qu’Altman a confirmé son départ, des dizaines d’employés d’OpenAI ont également choisi de démissionner.",
      },
    ],
  },

  // ---- Timeline: news of 21 November, Beijing time ----
  {
    key: "customers-contacted-rivals",
    statement: "More than 100 OpenAI customers contacted its competitors Anthropic, Google Cloud and Cohere after Altman's ouster.",
    context:
      "No source given; it sits in the paragraph citing The Information but is not explicitly attributed. The competitors and customers concerned have not confirmed the figure.",
    status: "rumored",
    confidence: 55,
    occurredAt: null,
    occurredAtText: "",
    // heading "Nouvelles du 21 novembre, heure de Pékin": date only, midnight UTC of 21 Nov
    firstReportedAt: "2023-11-21T00:00:00.000Z",
    resolutionNote: "",
    entities: ["openai", "anthropic", "google", "cohere"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "À la suite du rappel, plus de 100 clients d’OpenAI ont paniqué à propos de l’éviction d’Altman et ont contacté ses concurrents Anthropic, Google Cloud et Cohere.",
      },
    ],
  },
  {
    key: "customers-consider-azure",
    statement: "Many OpenAI customers are considering switching to Microsoft Azure to get access to OpenAI's GPT models.",
    context: "'Il a été révélé': unattributed, with no numbers or named customers.",
    status: "rumored",
    confidence: 40,
    occurredAt: null,
    occurredAtText: "",
    // heading "Nouvelles du 21 novembre, heure de Pékin": date only, midnight UTC of 21 Nov
    firstReportedAt: "2023-11-21T00:00:00.000Z",
    resolutionNote: "",
    entities: ["openai", "microsoft"],
    evidence: [
      {
        source: "unnamed-reports",
        stance: "supports",
        quote:
          "Il a été révélé que de nombreux clients d’OpenAI envisagent également de se tourner vers les services cloud Microsoft Azure pour fournir la technologie de modèle GPT d’OpenAI.",
      },
    ],
  },
  {
    key: "openai-usage-figures",
    statement: "OpenAI has said that more than 2 million developers build on its API and that 92% of Fortune 500 companies use its products.",
    context:
      "Confirmed as OpenAI's own statement (announced at its 6 November 2023 DevDay); the figures are self-reported and not independently audited. The article's 'API ChatGPT' should read 'OpenAI API'.",
    status: "confirmed",
    confidence: 90,
    occurredAt: null,
    occurredAtText: "",
    firstReportedAt: null,
    resolutionNote: "OpenAI stated these figures publicly; what is confirmed is the statement, not an independent count.",
    entities: ["openai"],
    evidence: [
      {
        source: "openai-usage-figures",
        stance: "supports",
        quote:
          "OpenAI a révélé qu’il y a actuellement plus de 2 millions de développeurs et de clients qui développent sur l’API ChatGPT. 92 % des entreprises du classement Fortune 500 dans le monde utilisent leurs produits.",
      },
    ],
  },
];
