import { EDITED_FIELDS, valuesOf } from "../src/claims/claim.fields.ts";
import { inTransaction, type Db } from "../src/db.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { createClaim, resolveClaim } from "../src/claims/claims.service.ts";
import { addEvidence } from "../src/claims/evidence.service.ts";
import { isResolved } from "../src/claims/status.ts";
import { createEntity } from "../src/entities/entities.service.ts";
import { createSource } from "../src/sources/sources.service.ts";
import { addClaimToStory, createStory } from "../src/stories/stories.service.ts";
import { claims, entities, sources } from "./article.ts";

/** Every quote of the seed is a verbatim passage of the French article (see article.ts): pages mark it lang="fr". */
const ARTICLE_LANGUAGE = "fr";

/** The story the seed's claims make up. */
export const STORY = {
  title: "OpenAI board crisis, November 2023",
  description:
    "Sam Altman's removal by OpenAI's board on 17 November 2023 and the days of talks, resignations and offers that followed, as a machine-translated French article told them on 21 November.",
};

export interface SeedCounts {
  claims: number;
  sources: number;
  entities: number;
}

function lookup(ids: Map<string, number>, key: string, what: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`seed: unknown ${what} key "${key}"`);
  return id;
}

/**
 * Loads the source article's claims into an empty ledger, through the same
 * services the editors use, so every record has its audit events (by
 * "system"). One transaction: an interrupted seed leaves nothing behind and
 * runs again on the next start. A ledger with any claim, source or entity
 * is left alone, so loading twice adds nothing.
 */
export async function seedIfEmpty(db: Db): Promise<SeedCounts | null> {
  return inTransaction(db, async (tx) => {
    const existing = (await tx.claim.count()) + (await tx.source.count()) + (await tx.entity.count());
    if (existing) return null;

    const sourceIds = new Map<string, number>();
    for (const { key, ...s } of sources) sourceIds.set(key, (await createSource(tx, SYSTEM, s)).id);
    const entityIds = new Map<string, number>();
    for (const { key, ...e } of entities) entityIds.set(key, (await createEntity(tx, SYSTEM, e)).id);

    const claimIds: number[] = [];
    for (const c of claims) {
      // A claim the article settles is recorded open, then resolved with its
      // evidence cited, so its History tells how it was settled.
      const claim = await createClaim(tx, SYSTEM, {
        ...valuesOf(c, EDITED_FIELDS),
        status: isResolved(c.status) ? "unverified" : c.status,
        entityIds: c.entities.map((k) => lookup(entityIds, k, "entity")),
      });
      claimIds.push(claim.id);
      const cited: number[] = [];
      for (const ev of c.evidence) {
        const sourceId = lookup(sourceIds, ev.source, "source");
        await addEvidence(tx, SYSTEM, claim.id, { sourceId, stance: ev.stance, quote: ev.quote, language: ev.quote ? ARTICLE_LANGUAGE : null });
        cited.push(sourceId);
      }
      if (isResolved(c.status)) {
        await resolveClaim(tx, SYSTEM, claim.id, { outcome: c.status, note: c.resolutionNote, sourceIds: [...new Set(cited)] });
      }
    }
    // the article is one story; the desk's page for it holds every claim
    const story = await createStory(tx, SYSTEM, { title: STORY.title, description: STORY.description });
    for (const claimId of claimIds) await addClaimToStory(tx, SYSTEM, story.id, { claimId });
    return { claims: claims.length, sources: sources.length, entities: entities.length };
  });
}
