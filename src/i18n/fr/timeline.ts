// The French of timeline/: its pages, messages and labels.
export const timeline = {
  Timeline: "Chronologie",
  "Claims in the order the events happened, grouped by day in the time zone you choose.":
    "Les affirmations dans l’ordre où les faits se sont produits, regroupées par jour dans le fuseau horaire de votre choix.",
  "When a source gives only a part of a day or a date, the claim shows that part of the day in the source's own time zone, filed under the day its middle falls on.":
    "Quand une source ne donne qu’un moment de la journée ou une date, l’affirmation montre ce moment dans le fuseau horaire de la source, classé au jour où tombe son milieu.",
  "Time zone": "Fuseau horaire",
  "The newsroom's usual zones": "Les fuseaux habituels de la rédaction",
  "Every time zone": "Tous les fuseaux horaires",
  Status: "Statut",
  "Any status": "Tous les statuts",
  Order: "Ordre",
  "Oldest first": "Les plus anciennes d’abord",
  "Latest first": "Les plus récentes d’abord",
  Show: "Afficher",
  "{count} claim with a known time, {status};": { one: "{count} affirmation datée, {status} ;", other: "{count} affirmations datées, {status} ;" },
  "{count} claim with a known time;": { one: "{count} affirmation datée ;", other: "{count} affirmations datées ;" },
  "{count} with none": "{count} sans date",
  "Times in {zone}.": "Heures en {zone}.",
  "No claims with a known time in this status.": "Aucune affirmation datée dans ce statut.",
  "No claims with a known time.": "Aucune affirmation datée.",
  Pages: "Pages",
  "From the earliest": "Depuis la plus ancienne",
  "From the latest": "Depuis la plus récente",
  "Later claims": "Affirmations suivantes",
  "Earlier claims": "Affirmations précédentes",
  "No time known": "Date inconnue",
  "Every claim in this status has a time.": "Toutes les affirmations de ce statut sont datées.",
  "Every claim has a time.": "Toutes les affirmations sont datées.",
  "Listed after the last claim with a known time: follow “{link}” to the end.":
    "Listées après la dernière affirmation datée : suivez « {link} » jusqu’à la fin.",
  "Showing the first {shown} of {count}, oldest recorded first; choose a status to narrow the list.":
    "Affichage des {shown} premières sur {count}, les plus anciennement enregistrées d’abord ; choisissez un statut pour restreindre la liste.",
  "Status must be one of: unverified, rumored, confirmed, false, inconclusive.":
    "Le statut doit être l’un de : unverified, rumored, confirmed, false, inconclusive.",
  "Choose one time zone.": "Choisissez un seul fuseau horaire.",
  "That is not a time zone; showing UTC.": "Ce n’est pas un fuseau horaire ; affichage en UTC.",
  "That is not a time zone this server knows; showing UTC. Use an IANA name such as Europe/Paris.":
    "Ce fuseau horaire est inconnu de ce serveur ; affichage en UTC. Utilisez un nom IANA comme Europe/Paris.",
  "That page link is out of date; showing the timeline from the start.": "Ce lien de page est périmé ; la chronologie est affichée depuis le début.",
};
