import { z } from "zod";
import { N_ } from "../i18n/i18n.ts";
import { actionGroups } from "../audit/audit.registry.ts";
import { plainText, text, version } from "../validation.ts";

export const FORMATS = ["json", "slack"] as const;
export type Format = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<Format, string> = { json: N_("JSON (the event, signed)"), slack: N_("Slack or Mattermost (a sentence in a text field)") };

/** "every action", in the actions list */
export const EVERY = "*";

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { pending: N_("Pending"), delivered: N_("Delivered"), failed: N_("Failed") };

/** The action names features registered (audit/audit.registry.ts), read when a request is parsed: every feature has registered by then. */
export const knownActions = () => new Set(actionGroups().flatMap((g) => Object.keys(g.actions)));

const URL_ERROR = N_("Must be a web address starting with http:// or https://.");

// unlike the secret, the address is shown on every page of the webhook (and a proxy's log may keep it)
const hasCredentials = (s: string) => URL.canParse(s) && Boolean(new URL(s).username || new URL(s).password);

const url = plainText(URL_ERROR)
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: URL_ERROR }))
  .pipe(z.string().max(2000, N_("At most 2000 characters.")))
  .refine(
    (s) => !hasCredentials(s),
    N_(
      "Leave the user name and password out of the address, where the webhook's pages would show them: the receiver knows the sender by the signature made with the secret.",
    ),
  )
  // kept as the worker reads it, so that the pages show where deliveries go: "http://exa<TAB>mple.com/" posts to example.com
  .transform((s) => new URL(s).href);

/** A list of action names (the pages make a list of the form's checkboxes, however many are ticked). */
const actions = z.preprocess(
  (v) => (v === undefined ? [] : v),
  z
    .array(z.string({ error: N_("Each action must be an audit action name such as claim.resolve.") }), {
      error: N_('Actions must be a list of audit action names such as claim.resolve, or "*" for every action.'),
    })
    .max(200)
    .superRefine((list, ctx) => {
      if (!list.length) ctx.addIssue({ code: "custom", message: N_("Choose at least one action, or every action.") });
      const known = knownActions();
      const unknown = list.filter((a) => a !== EVERY && !known.has(a));
      if (unknown.length) ctx.addIssue({ code: "custom", message: N_("Not an audit action: {names}."), params: { names: unknown.join(", ") } });
    })
    // every action says it all; a name ticked twice is one
    .transform((list) => (list.includes(EVERY) ? [EVERY] : [...new Set(list)])),
);

const secret = plainText(N_("The secret must be text."))
  .trim()
  .min(16, N_("The secret needs at least 16 characters; leave it blank to have one generated."))
  .max(200, N_("At most 200 characters."));

const YES = new Set<unknown>([true, "true", "1", "on"]);
const NO = new Set<unknown>([false, "false", "0", ""]);
const flag = (error: string) => z.preprocess((v) => (YES.has(v) ? true : NO.has(v) ? false : v), z.boolean({ error }));

const format = z.enum(FORMATS, { error: N_("Format must be json or slack.") });
const blankIsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const createWebhookSchema = z.object({
  url,
  actions,
  secret: z.preprocess(blankIsAbsent, secret.optional()),
  format: format.default("json"),
  description: text(500).default(""),
  active: flag(N_("Active must be true or false.")).default(true),
});
export type CreateWebhook = z.infer<typeof createWebhookSchema>;

/** An edit: any field, the version it started from; a blank secret keeps the one it has, generateSecret makes a new one. */
export const updateWebhookSchema = z.object({
  url: url.optional(),
  actions: actions.optional(),
  secret: z.preprocess(blankIsAbsent, secret.optional()),
  generateSecret: z.preprocess((v) => (v === undefined ? false : v), flag(N_("generateSecret must be true or false."))),
  format: format.optional(),
  description: text(500).optional(),
  active: flag(N_("Active must be true or false.")).optional(),
  version,
});
export type UpdateWebhook = z.infer<typeof updateWebhookSchema>;

export const deliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).catch(50).default(50),
  cursor: z.string().max(200).optional(),
});
