import { z } from "zod";
import { N_ } from "../i18n/i18n.ts";
import { requiredText } from "../validation.ts";

/** The most a comment holds: a paragraph or a few, not a document (that is a source). */
export const COMMENT_MAX = 5000;

export const commentSchema = z.object({ body: requiredText(COMMENT_MAX, N_("A comment")) });
export type NewComment = z.infer<typeof commentSchema>;
