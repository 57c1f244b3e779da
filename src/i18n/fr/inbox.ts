// The French of inbox/: watching, the inbox and its count in the navigation.
export const inbox = {
  Inbox: "Boîte de réception",
  "({count} unread)": { one: "({count} non lue)", other: "({count} non lues)" },
  "Marked read; {count} newer change is still unread.": {
    one: "Marqué comme lu ; {count} changement plus récent reste non lu.",
    other: "Marqué comme lu ; {count} changements plus récents restent non lus.",
  },
  "Your inbox is all read.": "Tout est lu dans votre boîte de réception.",
  "You are watching this claim: changes others make to it reach your inbox.":
    "Vous suivez cette affirmation : les changements que d’autres y apportent arrivent dans votre boîte de réception.",
  "You no longer watch this claim.": "Vous ne suivez plus cette affirmation.",
  "upTo must be an event's id, such as 12.": "upTo doit être l’identifiant d’un événement, par exemple 12.",
  "You watch this claim.": "Vous suivez cette affirmation.",
  "You do not watch this claim.": "Vous ne suivez pas cette affirmation.",
  Watch: "Suivre",
  Unwatch: "Ne plus suivre",
  "Changes others made to the claims you watch: those you created, edited, were assigned or commented on, and those you chose to watch.":
    "Les changements apportés par d’autres aux affirmations que vous suivez : celles que vous avez créées, modifiées, commentées ou qui vous sont confiées, et celles que vous avez choisi de suivre.",
  "Mark all read": "Tout marquer comme lu",
  "{count} unread change.": { one: "{count} changement non lu.", other: "{count} changements non lus." },
  "Nothing unread.": "Rien de non lu.",
  "No older changes.": "Aucun changement plus ancien.",
  "Nothing yet. Changes others make to the claims you watch will appear here.":
    "Rien pour l’instant. Les changements que d’autres apportent aux affirmations que vous suivez apparaîtront ici.",
  Unread: "Non lu",
  Unassigned: "Attribution retirée",
  "Assigned to you": "Confiée à vous",
  "Assigned to {name}": "Confiée à {name}",
  "Why: {reason}": "Pourquoi : {reason}",
  "Older changes": "Changements plus anciens",
};
