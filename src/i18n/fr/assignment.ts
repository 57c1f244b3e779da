// The French of assignment/: who holds a claim, the picker, the filter and the log's words.
export const assignment = {
  "No account has the id {id}.": "Aucun compte n’a l’identifiant {id}.",
  "That account is disabled: choose an active editor.": "Ce compte est désactivé : choisissez un éditeur actif.",
  "A viewer cannot be assigned a claim: choose an editor or an admin.":
    "Une affirmation ne peut pas être confiée à un lecteur : choisissez un éditeur ou un administrateur.",
  Assignment: "Attribution",
  "Assignee changed": "Attribution modifiée",
  Assignee: "Responsable",
  Nobody: "Personne",
  "account #{id}": "compte nº {id}",
  "Claim #{id} is assigned to {name}.": "L’affirmation nº {id} est confiée à {name}.",
  "Claim #{id} is assigned to nobody.": "L’affirmation nº {id} n’est confiée à personne.",
  "Assign claim #{id}": "Attribuer l’affirmation nº {id}",
  "Choose an editor, or nobody.": "Choisissez un éditeur, ou personne.",
  "Assignee must be me, none or an account's id.": "Le responsable est me (moi), none (personne) ou l’identifiant d’un compte.",
  "Assigned to": "Confiée à",
  "Editor working on it": "Éditeur qui s’en occupe",
  Assign: "Attribuer",
  "Assign to me": "Me l’attribuer",
  "Anyone or nobody": "N’importe qui ou personne",
  Me: "Moi",
  "My claims": "Mes affirmations",
};
