// The French catalogue, one file per feature, as the features are laid out.
// test/i18n.test.ts fails when a message the code or a page uses has no entry
// here, when an entry is no longer used, or when two files disagree.
import type { Catalogue } from "../i18n.ts";
import { audit } from "./audit.ts";
import { claims } from "./claims.ts";
import { common } from "./common.ts";
import { dashboard } from "./dashboard.ts";
import { entities } from "./entities.ts";
import { http } from "./http.ts";
import { live } from "./live.ts";
import { sources } from "./sources.ts";
import { stories } from "./stories.ts";
import { timeline } from "./timeline.ts";
import { users } from "./users.ts";
import { assignment } from "./assignment.ts";
import { comments } from "./comments.ts";
import { inbox } from "./inbox.ts";
import { webhooks } from "./webhooks.ts";

export const FR_FILES: Record<string, Catalogue> = {
  common,
  http,
  users,
  claims,
  sources,
  entities,
  timeline,
  dashboard,
  audit,
  stories,
  assignment,
  comments,
  inbox,
  webhooks,
  live,
};

export const fr: Catalogue = Object.fromEntries(Object.values(FR_FILES).flatMap((file) => Object.entries(file)));
