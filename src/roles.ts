import { N_ } from "./i18n/i18n.ts";

/**
 * The roles, weakest first: the vocabulary of the guards (http/auth.ts),
 * which accounts (users/) are given. Cross-cutting, so that the guards need
 * not import the accounts feature.
 */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type RoleName = (typeof ROLES)[number];
export const ROLE_LABELS: Record<RoleName, string> = { viewer: N_("Viewer"), editor: N_("Editor"), admin: N_("Admin") };
