-- The "needs review" queue: a claim is flagged when a source its status or
-- confidence rested on is marked unreliable, and cleared when an editor
-- reviews it. reviewReason says why it was flagged.
ALTER TABLE "Claim" ADD COLUMN "needsReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Claim" ADD COLUMN "reviewReason" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Claim_needsReview_idx" ON "Claim"("needsReview");
