import { z } from "zod";
import { N_ } from "../i18n/i18n.ts";
import { idWith, plainText, requiredReason, requiredText, text, version } from "../validation.ts";

export const ENTITY_KINDS = ["person", "organization"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
/** The kinds as choices: the form names one, the list's filter names many. */
export const KIND_CHOICES = {
  kinds: ENTITY_KINDS,
  kindLabels: { person: N_("Person"), organization: N_("Organisation") } satisfies Record<EntityKind, string>,
  kindPlurals: { person: N_("People"), organization: N_("Organisations") } satisfies Record<EntityKind, string>,
};

export const ALIAS_MAX = 120;

const kind = z.enum(ENTITY_KINDS, { error: N_("Kind must be person or organization.") });

/**
 * Aliases from the form's textarea (one a line) or a JSON array. Blank lines
 * are dropped here; duplicates and the name itself are dropped by the service,
 * which knows the name an edit ends with.
 */
const aliases = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n/) : v),
  z
    .array(plainText(N_("Each alias must be text.")).trim(), { error: N_("Aliases must be a list of names.") })
    .transform((list) => list.filter(Boolean))
    .superRefine((list, ctx) => {
      if (list.some((a) => a.length > ALIAS_MAX))
        ctx.addIssue({ code: "custom", message: N_("Each alias has at most 120 characters; shorten the longer ones.") });
      if (list.length > 100) ctx.addIssue({ code: "custom", message: N_("At most 100 aliases.") });
    }),
);

const entityFields = {
  name: requiredText(200, N_("The name")),
  kind,
  description: text(5000),
  aliases,
};

export const createEntitySchema = z.object({
  ...entityFields,
  description: entityFields.description.default(""),
  aliases: entityFields.aliases.default([]),
});
export type CreateEntity = z.infer<typeof createEntitySchema>;

/** An edit: every field optional (PATCH), the version it started from required. Aliases, when sent, replace the set. */
export const updateEntitySchema = z.object({
  name: entityFields.name.optional(),
  kind: kind.optional(),
  description: entityFields.description.optional(),
  aliases: entityFields.aliases.optional(),
  version,
});
export type UpdateEntity = z.infer<typeof updateEntitySchema>;

/** The list's filters, as they appear in /entities and /api/entities query strings. */
export const entityQuerySchema = z.object({
  // a search is text, whatever it holds: overlong ones are cut, never refused
  q: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 200).trim() || undefined : undefined), z.string().optional()),
  kind: z.preprocess((v) => (v === "" ? undefined : v), kind.optional()),
});
export type EntityQuery = z.infer<typeof entityQuerySchema>;

/** The entity version an alias or merge form was rendered at; the API may leave it out and act on the current one. */
const optionalVersion = z.preprocess((v) => (v === "" || v === null ? undefined : v), version.optional());

export const addAliasSchema = z.object({
  alias: plainText(N_("Type the alias to add."))
    .trim()
    .min(1, N_("Type the alias to add."))
    .max(ALIAS_MAX, N_("An alias has at most 120 characters."))
    // a string of accents alone folds to nothing and could never be searched for
    .refine((a) => /[\p{L}\p{N}]/u.test(a), N_("An alias needs at least one letter or digit.")),
  version: optionalVersion,
});

/** Removing a spelling makes searches for it miss this entry: the reason is required and kept. */
export const removeAliasSchema = z.object({
  reason: requiredReason(N_("Say why this alias is removed; the audit trail keeps it.")),
  version: optionalVersion,
});

/** Merging another entity into this one: which, and why (a merge deletes a record, so the reason is required). */
export const mergeSchema = z.object({
  otherId: idWith(N_("Choose the entity to merge into this one.")),
  reason: requiredReason(N_("Say why these are the same person or organisation; the audit trail keeps it.")),
  version: optionalVersion,
});
