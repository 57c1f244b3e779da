// The French of live/: the live stream's refusals and the pages' live notice.
export const live = {
  "Changed by {name} a moment ago:": "Modifié par {name} à l’instant :",
  reload: "recharger",
  "The server is stopping. Try again in a moment.": "Le serveur s’arrête. Réessayez dans un instant.",
  "You have {limit} live streams open already. Close a page, then try again.":
    "Vous avez déjà {limit} flux en direct ouverts. Fermez une page, puis réessayez.",
};
