-- A search for a name reads the most recent claims linked to it, newest
-- first, and stops after 1,001 (src/claims/search.matches.ts). On
-- (entityId, claimId) that is an ordered index walk; on (entityId) alone it
-- read and sorted every link (7,133 for Sam Altman at 100,000 claims). The
-- entity filter of the list reads this index as it read the old one.
CREATE INDEX "ClaimEntity_entityId_claimId_idx" ON "ClaimEntity"("entityId", "claimId");
DROP INDEX "ClaimEntity_entityId_idx";
