// The French of webhooks/: its pages, messages and labels.
export const webhooks = {
  // the list and the navigation
  Webhooks: "Webhooks",
  "Add a webhook": "Ajouter un webhook",
  "Each audit event of the actions a webhook wants is POSTed to it, signed with its secret, and retried while the receiver fails.":
    "Chaque événement du journal d’audit dont l’action intéresse un webhook lui est envoyé par POST, signé avec son secret, et renvoyé tant que le destinataire échoue.",
  "No webhooks yet.": "Aucun webhook pour l’instant.",
  Receiver: "Destinataire",
  Actions: "Actions",
  Format: "Format",
  "Last delivery": "Dernier envoi",
  "None yet": "Aucun pour l’instant",
  Paused: "En pause",
  "Every action": "Toutes les actions",
  "every action": "toutes les actions",
  "(including those added later)": "(y compris celles ajoutées plus tard)",
  "Active: each new event of its actions is sent.": "Actif : chaque nouvel événement de ses actions est envoyé.",
  // the form
  "New webhook": "Nouveau webhook",
  "Edit webhook": "Modifier le webhook",
  "Edit webhook #{id}": "Modifier le webhook nº {id}",
  "Receiver's address": "Adresse du destinataire",
  "Starts with https:// (or http://). Private, loopback and local network addresses are refused unless the server allows them.":
    "Commence par https:// (ou http://). Les adresses privées, de bouclage et de réseau local sont refusées, sauf si le serveur les autorise.",
  "Actions it is sent": "Actions qui lui sont envoyées",
  "Each event of a ticked action is sent, as the audit log records it.":
    "Chaque événement d’une action cochée est envoyé, tel que le journal d’audit l’enregistre.",
  "JSON (the event, signed)": "JSON (l’événement, signé)",
  "Slack or Mattermost (a sentence in a text field)": "Slack ou Mattermost (une phrase dans un champ text)",
  Secret: "Secret",
  "New secret": "Nouveau secret",
  "Leave it blank to keep the current one, which is never shown again.": "Laissez-le vide pour garder le secret actuel, qui n’est plus jamais affiché.",
  "At least 16 characters; leave it blank to have a strong one generated. It is shown once, after saving.":
    "Au moins 16 caractères ; laissez-le vide pour en faire générer un solide. Il est affiché une seule fois, après l’enregistrement.",
  "Generate a new secret (shown once, after saving)": "Générer un nouveau secret (affiché une seule fois, après l’enregistrement)",
  "Save webhook": "Enregistrer le webhook",
  "Register webhook": "Enregistrer le webhook",
  "As it is now:": "Tel qu’il est maintenant :",
  "Your input is kept below: save it again to replace what is there now.":
    "Votre saisie est conservée ci-dessous : enregistrez-la de nouveau pour remplacer ce qui s’y trouve maintenant.",
  // the secret, shown once
  "Webhook #{id} registered": "Webhook nº {id} enregistré",
  "Webhook #{id} saved": "Webhook nº {id} enregistré",
  "Its secret, shown this once": "Son secret, affiché cette seule fois",
  "Give it to the receiver now: it checks each request's X-Claimtrack-Signature with it. Claimtrack never shows it again; to change it, generate a new one.":
    "Donnez-le au destinataire maintenant : il vérifie avec lui l’en-tête X-Claimtrack-Signature de chaque requête. Claimtrack ne l’affiche plus jamais ; pour le changer, générez-en un nouveau.",
  "Go to the webhook": "Aller au webhook",
  // a webhook's page and its deliveries
  "Webhook #{id}": "Webhook nº {id}",
  Pause: "Mettre en pause",
  Resume: "Reprendre",
  "Paused: new events are not queued for it; deliveries already queued wait, and go out when it is resumed.":
    "En pause : les nouveaux événements ne lui sont pas destinés ; les envois déjà en file attendent, et partent quand il reprend.",
  "Set; never shown again.": "Défini ; plus jamais affiché.",
  Deliveries: "Envois",
  "No deliveries yet: the next event of an action it wants is sent here.":
    "Aucun envoi pour l’instant : le prochain événement d’une action qu’il veut sera envoyé ici.",
  Delivery: "Envoi",
  Event: "Événement",
  "Event #{id}": "Événement nº {id}",
  "#{id}": "nº {id}",
  Attempts: "Tentatives",
  "Last answer": "Dernière réponse",
  "No answer": "Pas de réponse",
  "Next attempt": "Prochaine tentative",
  Retry: "Renvoyer",
  "Retry now": "Renvoyer maintenant",
  "Older deliveries": "Envois plus anciens",
  Pending: "En attente",
  Delivered: "Remis",
  // flash messages and refusals
  "Webhook #{id} saved.": "Webhook nº {id} enregistré.",
  "Webhook #{id} resumed.": "Webhook nº {id} repris.",
  "Webhook #{id} paused.": "Webhook nº {id} mis en pause.",
  "Delivery #{id} will be sent again now.": "L’envoi nº {id} va être renvoyé maintenant.",
  "Delivery #{id} will be sent again when the webhook is resumed.": "L’envoi nº {id} sera renvoyé quand le webhook reprendra.",
  "Delivery #{id} was already delivered.": "L’envoi nº {id} a déjà été remis.",
  "That webhook": "Ce webhook",
  "That delivery": "Cet envoi",
  webhook: "webhook",
  "Someone changed this webhook at the same moment. Nothing was saved.": "Quelqu’un a modifié ce webhook au même moment. Rien n’a été enregistré.",
  "Leave the user name and password out of the address, where the webhook's pages would show them: the receiver knows the sender by the signature made with the secret.":
    "Retirez de l’adresse le nom d’utilisateur et le mot de passe, que les pages du webhook montreraient : le destinataire reconnaît l’expéditeur à la signature faite avec le secret.",
  "This address leads to {address}, a private, loopback or local network address: webhooks may only reach public addresses.":
    "Cette adresse mène à {address}, une adresse privée, de bouclage ou de réseau local : les webhooks ne peuvent joindre que des adresses publiques.",
  "At most 2000 characters.": "2000 caractères au plus.",
  "At most 200 characters.": "200 caractères au plus.",
  "Each action must be an audit action name such as claim.resolve.": "Chaque action doit être un nom d’action du journal d’audit, comme claim.resolve.",
  'Actions must be a list of audit action names such as claim.resolve, or "*" for every action.':
    "Les actions doivent être une liste de noms d’actions du journal d’audit, comme claim.resolve, ou « * » pour toutes les actions.",
  "Choose at least one action, or every action.": "Choisissez au moins une action, ou toutes les actions.",
  "Not an audit action: {names}.": "Pas une action du journal d’audit : {names}.",
  "The secret must be text.": "Le secret doit être du texte.",
  "The secret needs at least 16 characters; leave it blank to have one generated.":
    "Le secret doit compter au moins 16 caractères ; laissez-le vide pour en faire générer un.",
  "Format must be json or slack.": "Le format doit être json ou slack.",
  "Active must be true or false.": "Active doit valoir true ou false.",
  "generateSecret must be true or false.": "generateSecret doit valoir true ou false.",
  // the audit log
  "Webhook registered": "Webhook enregistré",
  "Webhook changed": "Webhook modifié",
  "set (not shown)": "défini (non affiché)",
  "replaced (not shown)": "remplacé (non affiché)",
};
