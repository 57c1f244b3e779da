-- Accounts can be disabled and tokens revoked (issue 8); sessions name their
-- user so that disabling an account or changing its password ends them; sign-in
-- events are kept for admins and counted by the sign-in throttle.
-- AlterTable
ALTER TABLE "User" ADD COLUMN "disabledAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "sessionGeneration" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "revokedAt" DATETIME;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "userId" INTEGER;

-- CreateTable
CREATE TABLE "SignInEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email" TEXT NOT NULL,
    "userId" INTEGER,
    "address" TEXT NOT NULL,
    "outcome" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "SignInEvent_email_createdAt_idx" ON "SignInEvent"("email", "createdAt");

-- CreateIndex
CREATE INDEX "SignInEvent_address_createdAt_idx" ON "SignInEvent"("address", "createdAt");

-- CreateIndex
CREATE INDEX "SignInEvent_outcome_createdAt_idx" ON "SignInEvent"("outcome", "createdAt");

-- CreateIndex
CREATE INDEX "SignInEvent_createdAt_idx" ON "SignInEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");


-- Sessions written before this migration: name their user, and drop the
-- anonymous ones that every visit used to store.
UPDATE "Session" SET "userId" = json_extract("data", '$.userId');
DELETE FROM "Session" WHERE "userId" IS NULL;

-- A sign-in record is evidence: it is never rewritten (old ones are pruned).
CREATE TRIGGER "SignInEvent_no_update" BEFORE UPDATE ON "SignInEvent"
BEGIN
  SELECT RAISE(ABORT, 'sign-in events are append-only: UPDATE refused');
END;
