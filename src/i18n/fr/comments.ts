// The French of comments/: a claim's discussion.
export const comments = {
  Discussion: "Discussion",
  "Comment posted": "Commentaire publié",
  "Your comment is posted.": "Votre commentaire est publié.",
  "Comment on claim #{id}": "Commenter l’affirmation nº {id}",
  "A comment": "Un commentaire",
  "Your comment": "Votre commentaire",
  "Comments are part of the claim's record: they cannot be edited or deleted.":
    "Les commentaires font partie du dossier de l’affirmation : ils ne peuvent être ni modifiés ni supprimés.",
  "Post comment": "Publier le commentaire",
  "No comments yet.": "Aucun commentaire pour l’instant.",
  "a former account": "un ancien compte",
};
