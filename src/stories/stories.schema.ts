import { z } from "zod";
import { N_ } from "../i18n/i18n.ts";
import { idWith, requiredText, text, version } from "../validation.ts";

export const STORY_STATUSES = ["active", "archived"] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];
export const STORY_STATUS_LABELS: Record<StoryStatus, string> = { active: N_("Active"), archived: N_("Archived") };

const status = z.enum(STORY_STATUSES, { error: N_("A story is active or archived.") });

const storyFields = {
  title: requiredText(300, N_("The title")),
  description: text(5000),
};

export const createStorySchema = z.object({ ...storyFields, description: storyFields.description.default("") });
export type CreateStory = z.infer<typeof createStorySchema>;

/** An edit (PATCH, the edit form, archive and restore): every field optional, the version it started from required. */
export const updateStorySchema = z.object({ ...z.object(storyFields).partial().shape, status: status.optional(), version });
export type UpdateStory = z.infer<typeof updateStorySchema>;

/** A claim to add, by its number. */
export const storyClaimSchema = z.object({ claimId: idWith(N_("Give the claim's number, e.g. 12.")) });

/** The claim page's "add it to a story": the story chosen. */
export const storyChoiceSchema = z.object({ storyId: idWith(N_("Choose a story.")) });

/** The list's filters, as they appear in /stories and /api/stories query strings. */
export const storyListQuerySchema = z.object({
  status: z.preprocess((v) => (v === "" ? undefined : v), status.optional()),
  limit: z.coerce.number().int().min(1).max(100).catch(50).default(50),
  cursor: z.string().max(200).optional(),
});
export type StoryListQuery = z.infer<typeof storyListQuerySchema>;

/** The story page's "find a claim to add" box: words, as the claims list searches them. Never refused. */
export const findClaimSchema = z.object({ find: text(200).catch("") });
