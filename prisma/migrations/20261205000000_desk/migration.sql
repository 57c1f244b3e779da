-- The desk: stories, assignment, discussion, watching and the inbox, and the
-- outbox of outgoing webhooks. What follows a change (who watches the claim,
-- whose inbox it reaches, which webhook must be told) is written by triggers
-- on the audit log, so in the transaction of the change, whatever code path
-- makes it: nothing is told of a change that did not commit, and nothing
-- committed goes untold.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "assigneeId" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "inboxReadUpTo" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Story" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'active',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StoryClaim" (
    "storyId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("storyId", "claimId"),
    CONSTRAINT "StoryClaim_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StoryClaim_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Watch" (
    "userId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "claimId")
);

-- CreateTable
CREATE TABLE "InboxItem" (
    "userId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "eventId")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "actions" TEXT NOT NULL DEFAULT '[]',
    "secret" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'json',
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "webhookId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "leaseEndsAt" DATETIME,
    "lastStatus" INTEGER,
    "lastError" TEXT NOT NULL DEFAULT '',
    "lastAttemptAt" DATETIME,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Claim_assigneeId_status_idx" ON "Claim"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Story_status_id_idx" ON "Story"("status", "id");

-- CreateIndex
CREATE INDEX "StoryClaim_claimId_idx" ON "StoryClaim"("claimId");

-- CreateIndex
CREATE INDEX "Comment_claimId_id_idx" ON "Comment"("claimId", "id");

-- CreateIndex
CREATE INDEX "Watch_claimId_idx" ON "Watch"("claimId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_id_idx" ON "WebhookDelivery"("webhookId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_webhookId_eventId_key" ON "WebhookDelivery"("webhookId", "eventId");

-- A comment is part of the record: the database refuses to change or remove
-- one, whatever code path tries (a correction is another comment).
CREATE TRIGGER "Comment_no_update" BEFORE UPDATE ON "Comment"
BEGIN
  SELECT RAISE(ABORT, 'comments are append-only: UPDATE refused');
END;

CREATE TRIGGER "Comment_no_delete" BEFORE DELETE ON "Comment"
BEGIN
  SELECT RAISE(ABORT, 'comments are append-only: DELETE refused');
END;

-- Watching and the inbox, in this order: whoever changes a claim watches it,
-- and so does the editor a claim.assign gives it to (before the inbox is
-- filled, so that the assignee hears of it); then every watcher but the
-- actor gets the event in their inbox. The system, the import and the
-- review flags have no actor: they watch nothing, and reach every watcher.
-- Story membership is the story's event, not the claim's.
CREATE TRIGGER "AuditEvent_desk" AFTER INSERT ON "AuditEvent"
  WHEN NEW."subjectType" = 'claim'
BEGIN
  INSERT INTO "Watch" ("userId", "claimId", "createdAt")
    SELECT NEW."actorId", NEW."subjectId", NEW."createdAt" WHERE NEW."actorId" IS NOT NULL
    ON CONFLICT DO NOTHING;
  INSERT INTO "Watch" ("userId", "claimId", "createdAt")
    SELECT json_extract(NEW."changes", '$.assigneeId[1]'), NEW."subjectId", NEW."createdAt"
    WHERE NEW."action" = 'claim.assign' AND json_type(NEW."changes", '$.assigneeId[1]') = 'integer'
    ON CONFLICT DO NOTHING;
  INSERT INTO "InboxItem" ("userId", "eventId")
    SELECT w."userId", NEW."id" FROM "Watch" w WHERE w."claimId" = NEW."subjectId" AND w."userId" IS NOT NEW."actorId";
END;

-- The outbox: a delivery for each active webhook that wants the action
-- ("*" wants them all), due at once.
CREATE TRIGGER "WebhookDelivery_insert" AFTER INSERT ON "AuditEvent"
BEGIN
  INSERT INTO "WebhookDelivery" ("webhookId", "eventId", "nextAttemptAt", "createdAt")
    SELECT w."id", NEW."id", NEW."createdAt", NEW."createdAt" FROM "Webhook" w
    WHERE w."active" AND EXISTS (SELECT 1 FROM json_each(w."actions") a WHERE a."value" IN (NEW."action", '*'));
END;

-- An upgraded database: its editors watch the claims they already changed.
INSERT INTO "Watch" ("userId", "claimId", "createdAt")
  SELECT "actorId", "subjectId", MIN("createdAt") FROM "AuditEvent"
  WHERE "subjectType" = 'claim' AND "actorId" IS NOT NULL
  GROUP BY "actorId", "subjectId";
