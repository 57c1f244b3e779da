// The French of http/ and the shared building blocks (validation, database faults): their messages.
export const http = {
  "The API token is missing, malformed or revoked.": "Le jeton d’API est absent, mal formé ou révoqué.",
  "This needs the {role} role; your role is {current}.": "Il faut le rôle {role} ; votre rôle est {current}.",
  "This form has expired or did not come from Claimtrack. Go back, reload the page and send it again.":
    "Ce formulaire a expiré ou ne vient pas de Claimtrack. Revenez en arrière, rechargez la page et envoyez-le de nouveau.",
  "The request body is nested too deeply (more than {max} levels).": "Le corps de la requête est trop imbriqué (plus de {max} niveaux).",
  "The database is busy: {reason}. Nothing was saved. Try again in a moment.":
    "La base de données est occupée : {reason}. Rien n’a été enregistré. Réessayez dans un instant.",
  "{what} is running (since {time} UTC)": "{what} est en cours (depuis {time} UTC)",
  "another program is writing to the database": "un autre programme écrit dans la base de données",
  "another server is writing to the database": "un autre serveur écrit dans la base de données",
  "The database server cannot be reached. Nothing was saved. Try again in a moment; tell your administrator if it lasts.":
    "Le serveur de base de données est injoignable. Rien n’a été enregistré. Réessayez dans un instant ; prévenez votre administrateur si cela dure.",
  "an import": "une importation",
  "The server's disk is full. Nothing was saved. Your administrator has to free space; then try again (no restart is needed).":
    "Le disque du serveur est plein. Rien n’a été enregistré. Votre administrateur doit libérer de l’espace ; réessayez ensuite (inutile de redémarrer).",
  "The database cannot be written (its file or folder is read-only). Nothing was saved. Tell your administrator.":
    "La base de données ne peut pas être modifiée (son fichier ou son dossier est en lecture seule). Rien n’a été enregistré. Prévenez votre administrateur.",
  "The database could not be written (a disk or file error). Nothing was saved. Tell your administrator.":
    "La base de données n’a pas pu être modifiée (erreur de disque ou de fichier). Rien n’a été enregistré. Prévenez votre administrateur.",
  "The database file is damaged. Nothing was saved. Tell your administrator; the README's operations section says how to restore a backup.":
    "Le fichier de la base de données est endommagé. Rien n’a été enregistré. Prévenez votre administrateur ; la section « exploitation » du README explique comment restaurer une sauvegarde.",
  "Must be text.": "Doit être du texte.",
  "At most {max} characters; this has {length}.": "{max} caractères au plus ; ce texte en compte {length}.",
  "{label} is required.": "{label} est obligatoire.",
  "At most 100 items.": "100 éléments au plus.",
  "Confidence must be a whole number from 0 to 100.": "La confiance doit être un nombre entier de 0 à 100.",
  "Confidence must be a whole number.": "La confiance doit être un nombre entier.",
  "Confidence must be from 0 to 100.": "La confiance doit être comprise entre 0 et 100.",
  "Contains a broken character (a lone UTF-16 surrogate such as \\ud800) that cannot be stored.":
    "Contient un caractère cassé (un demi-codet UTF-16 isolé, comme \\ud800) qui ne peut pas être enregistré.",
  "Must not contain the NUL character (U+0000, which pages show as �); remove it.":
    "Ne doit pas contenir le caractère NUL (U+0000, que les pages affichent comme �) ; supprimez-le.",
  "Must be a date and time in the years 1000 to 9999, e.g. 2023-11-20T06:00 (UTC) or 2023-11-20T07:00+01:00.":
    "Doit être une date et une heure entre les années 1000 et 9999, par exemple 2023-11-20T06:00 (UTC) ou 2023-11-20T07:00+01:00.",
  "Must be a web address starting with http:// or https://.": "Doit être une adresse web commençant par http:// ou https://.",
  "Must be an id: a whole number such as 12.": "Doit être un identifiant : un nombre entier, comme 12.",
  "No record has an id that large.": "Aucun enregistrement n’a un identifiant aussi grand.",
  "The version this edit started from is required.": "La version dont part cette modification est obligatoire.",
  "confirmDuplicate must be true or false.": "confirmDuplicate doit valoir true ou false.",
  "That search took too long and was stopped. Add a word, or filter the list, and try again.":
    "Cette recherche a pris trop de temps et a été arrêtée. Ajoutez un mot, ou filtrez la liste, puis réessayez.",
};
