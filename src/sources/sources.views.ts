// What templates get from the sources feature through `h` (see http/view-helpers.ts).
import { registerHelpers } from "../http/view-helpers.ts";
import { SOURCE_KIND_LABELS, type SourceKind } from "./sources.schema.ts";

registerHelpers((t) => ({
  sourceKind: (k: string) => (Object.hasOwn(SOURCE_KIND_LABELS, k) ? t(SOURCE_KIND_LABELS[k as SourceKind]) : k),
}));
