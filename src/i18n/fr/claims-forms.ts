// The French of the claim forms (new, edit, conflict, resolve, reopen, evidence)
// and of the partials they share with the other features; part of claims.ts.
export const claimForms = {
  // the workflow forms
  "Add evidence": "Ajouter une preuve",
  Source: "Source",
  "Choose a source…": "Choisissez une source…",
  "Not listed?": "Absente de la liste ?",
  "Add the source first": "Ajoutez d’abord la source",
  Stance: "Position",
  "Quoted passage": "Passage cité",
  "Language of the quote": "Langue de la citation",
  "Pages and readers' tools read the quote in this language; it is never translated.":
    "Les pages et les outils de lecture lisent la citation dans cette langue ; elle n’est jamais traduite.",
  "Not given, or another language": "Non précisée, ou autre langue",
  "Find a source to cite": "Trouver une source à citer",
  "The lists below show the sources this claim cites and the matches for these words in titles and publishers (or the most recent).":
    "Les listes ci-dessous montrent les sources que cite cette affirmation et celles dont le titre ou l’éditeur correspond à ces mots (ou les plus récentes).",
  Find: "Trouver",
  "Remove this evidence?": "Retirer cette preuve ?",
  "The source stays in the ledger; only its link to this claim goes. The claim's history keeps the evidence and your reason.":
    "La source reste dans le registre ; seul son lien avec cette affirmation disparaît. L’historique de l’affirmation garde la preuve et votre raison.",
  "Remove evidence": "Retirer la preuve",
  "Reopen this claim": "Rouvrir cette affirmation",
  "If new facts put the verdict in doubt. The reason is kept in the audit trail.":
    "Si de nouveaux faits remettent le verdict en doute. La raison est conservée dans le journal d’audit.",
  "Reopen as": "Rouvrir comme",
  Reason: "Raison",
  "Confidence after reopening (optional, 0–100)": "Confiance après réouverture (facultatif, 0–100)",
  "Now {confidence}%. Leave it empty to keep it.": "Actuellement {confidence} %. Laissez vide pour la garder.",
  "Sources behind the doubt": "Sources à l’origine du doute",
  "Reopen claim": "Rouvrir l’affirmation",
  "Resolve this claim": "Résoudre cette affirmation",
  "When the facts come in: choose the outcome, say how you know, cite at least one source.":
    "Quand les faits sont connus : choisissez l’issue, dites comment vous le savez, citez au moins une source.",
  "Resolution note": "Note de résolution",
  "Confidence after resolving (optional, 0–100)": "Confiance après résolution (facultatif, 0–100)",
  "Cited sources": "Sources citées",
  "At least one.": "Au moins une.",
  "Resolve claim": "Résoudre l’affirmation",
  "Your input is kept below; check the claim and send it again.": "Votre saisie est conservée ci-dessous ; vérifiez l’affirmation et renvoyez-la.",
  "Back to the claim": "Retour à l’affirmation",

  // the claim form, edit and conflict pages
  "Reason for the change": "Raison de la modification",
  "Required when the status or the confidence changes; kept in the audit trail.":
    "Obligatoire quand le statut ou la confiance change ; conservée dans le journal d’audit.",
  "Sources behind the change": "Sources à l’origine de la modification",
  "Optional.": "Facultatif.",
  Statement: "Énoncé",
  "One checkable sentence, e.g. “Emmett Shear is OpenAI's interim CEO.”":
    "Une phrase vérifiable, par exemple « Emmett Shear est le PDG par intérim d’OpenAI. »",
  "Context notes": "Notes de contexte",
  "Unverified: nobody can check it yet. Rumored: reported, not confirmed by a party who would know.":
    "Non vérifiée : personne ne peut encore la vérifier. Rumeur : rapportée, sans confirmation d’une partie qui saurait.",
  "Resolved claims change status by reopening.": "Une affirmation résolue change de statut en étant rouverte.",
  "Confidence (0–100)": "Confiance (0–100)",
  "When it happened": "Quand c’est arrivé",
  "As precisely as the source says it, in the time zone of its wording: the server converts it.":
    "Aussi précisément que le dit la source, dans le fuseau horaire de sa formulation : le serveur fait la conversion.",
  "Beijing, San Francisco, New York, Paris, UTC, or any IANA name such as Asia/Tokyo. The date, time and first report below are in this zone.":
    "Pékin, San Francisco, New York, Paris, UTC, ou tout nom IANA comme Asia/Tokyo. La date, l’heure et le premier signalement ci-dessous sont dans ce fuseau.",
  "Year-month-day.": "Année-mois-jour.",
  "As the source says.": "Comme le dit la source.",
  "24-hour clock; none for a span.": "Sur 24 heures ; aucune pour une période.",
  "As the source words it": "Selon la formulation de la source",
  "about 2 pm Beijing time, on 20 November": "vers 14 heures, heure de Pékin, le 20 novembre",
  "Date and time in the zone above, e.g. 2023-11-20 14:00.": "Date et heure dans le fuseau ci-dessus, par exemple 2023-11-20 14:00.",
  "About these people and organisations": "Personnes et organisations concernées",
  "Find by name or alias": "Trouver par nom ou alias",
  "Lists the ticked ones and the matches (or the most recent); your input is kept.":
    "Affiche les éléments cochés et les correspondances (ou les plus récents) ; votre saisie est conservée.",
  "Nobody by that name or alias.": "Personne sous ce nom ou cet alias.",
  "No people or organisations yet.": "Aucune personne ni organisation pour l’instant.",
  "Compare the claim as it is now with what you submitted. Your input is kept in the form below; saving it replaces the current version.":
    "Comparez l’affirmation telle qu’elle est maintenant avec ce que vous avez envoyé. Votre saisie est conservée dans le formulaire ci-dessous ; l’enregistrer remplace la version actuelle.",
  "Now (version {version})": "Actuellement (version {version})",
  Field: "Champ",
  "Your edit": "Votre modification",
  differs: "diffère",
  "Save my version": "Enregistrer ma version",
  "Discard my edit": "Abandonner ma modification",
  "You are editing version {version}. If someone saves first, you will see both versions and lose nothing.":
    "Vous modifiez la version {version}. Si quelqu’un enregistre avant vous, vous verrez les deux versions et ne perdrez rien.",
  "Save changes": "Enregistrer les modifications",
  "Claims that look like this one": "Affirmations qui ressemblent à celle-ci",
  "Check that yours is not already in the ledger before you create it. Links open in a new tab; your claim is not saved yet.":
    "Vérifiez que la vôtre n’est pas déjà dans le registre avant de la créer. Les liens s’ouvrent dans un nouvel onglet ; votre affirmation n’est pas encore enregistrée.",
  "No claim in the ledger shares the telling words of this statement. Your claim is not saved yet.":
    "Aucune affirmation du registre ne partage les mots marquants de cet énoncé. Votre affirmation n’est pas encore enregistrée.",
  "Create claim": "Créer l’affirmation",
  "Check for similar claims": "Chercher des affirmations semblables",

  // the partials the claim pages share with the others
  "Find by title or publisher": "Trouver par titre ou éditeur",
  "No source has that title or publisher.": "Aucune source n’a ce titre ou cet éditeur.",
  "No sources yet.": "Aucune source pour l’instant.",
  "Add a source": "Ajouter une source",
  "Why remove it?": "Pourquoi le retirer ?",
  Cancel: "Annuler",
  "This may already be in the ledger": "Ceci est peut-être déjà dans le registre",
  "“{matched}” is already a name or alias of": "« {matched} » est déjà un nom ou un alias de",
  "(opens in a new tab).": "(s’ouvre dans un nouvel onglet).",
  "(opens in a new tab) already has this address:": "(s’ouvre dans un nouvel onglet) a déjà cette adresse :",
  "Check that it is not the same one. Nothing was saved; your input is still below.":
    "Vérifiez qu’il ne s’agit pas du même. Rien n’a été enregistré ; votre saisie est toujours ci-dessous.",
  "It is a different one: save my changes anyway.": "C’en est un autre : enregistrer quand même mes modifications.",
  "It is a different one: add it anyway.": "C’en est un autre : l’ajouter quand même.",
  "source #{id}": "source nº {id}",
  "No changes recorded yet.": "Aucune modification enregistrée pour l’instant.",
  Who: "Qui",
  What: "Quoi",
  Record: "Fiche",
  "What changed": "Ce qui a changé",
  Why: "Pourquoi",
  "(at most {max} characters)": "({max} caractères au plus)",
  "saved version {version} on {date} ({action}).": "a enregistré la version {version} le {date} ({action}).",
  "Their reason: {reason}": "Sa raison : {reason}",
  "They gave no reason.": "Aucune raison donnée.",
};
