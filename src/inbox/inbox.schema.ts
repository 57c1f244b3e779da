import { z } from "zod";
import { N_ } from "../i18n/i18n.ts";
import { idWith } from "../validation.ts";

/** Mark read: everything up to this event (an id the inbox gave). */
export const markReadSchema = z.object({ upTo: idWith(N_("upTo must be an event's id, such as 12.")) });

/** A page of the inbox, newest first; cursor: the last event id of the page before. */
export const inboxQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).catch(25).default(25),
  cursor: z.string().max(200).optional(),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;
