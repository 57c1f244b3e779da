-- The desk: stories, assignment, discussion, watching and the inbox, and the
-- outbox of outgoing webhooks, as the SQLite migration of the same name.
-- What follows a change (who watches the claim, whose inbox it reaches,
-- which webhook must be told) is written by triggers on the audit log, so
-- in the transaction of the change, whatever code path makes it.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "assigneeId" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "inboxReadUpTo" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Story" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'active',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryClaim" (
    "storyId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryClaim_pkey" PRIMARY KEY ("storyId","claimId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Watch" (
    "userId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("userId","claimId")
);

-- CreateTable
CREATE TABLE "InboxItem" (
    "userId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,

    CONSTRAINT "InboxItem_pkey" PRIMARY KEY ("userId","eventId")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "actions" TEXT NOT NULL DEFAULT '[]',
    "secret" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'json',
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" SERIAL NOT NULL,
    "webhookId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseEndsAt" TIMESTAMP(3),
    "lastStatus" INTEGER,
    "lastError" TEXT NOT NULL DEFAULT '',
    "lastAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "StoryClaim" ADD CONSTRAINT "StoryClaim_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryClaim" ADD CONSTRAINT "StoryClaim_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A comment is part of the record: the database refuses to change or remove
-- one, whatever code path tries (a correction is another comment).
CREATE TRIGGER "Comment_no_update" BEFORE UPDATE ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('comments are append-only: UPDATE refused');

CREATE TRIGGER "Comment_no_delete" BEFORE DELETE ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('comments are append-only: DELETE refused');

CREATE TRIGGER "Comment_no_truncate" BEFORE TRUNCATE ON "Comment"
  FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('comments are append-only: TRUNCATE refused');

-- Watching and the inbox, in this order: whoever changes a claim watches it,
-- and so does the editor a claim.assign gives it to (before the inbox is
-- filled, so that the assignee hears of it); then every watcher but the
-- actor gets the event in their inbox. The system, the import and the
-- review flags have no actor: they watch nothing, and reach every watcher.
CREATE FUNCTION "AuditEvent_desk"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  assignee jsonb := NEW."changes"::jsonb -> 'assigneeId' -> 1;
BEGIN
  IF NEW."actorId" IS NOT NULL THEN
    INSERT INTO "Watch" ("userId", "claimId", "createdAt") VALUES (NEW."actorId", NEW."subjectId", NEW."createdAt")
      ON CONFLICT DO NOTHING;
  END IF;
  IF NEW."action" = 'claim.assign' AND jsonb_typeof(assignee) = 'number' AND assignee::text ~ '^[0-9]+$' THEN
    INSERT INTO "Watch" ("userId", "claimId", "createdAt") VALUES ((assignee::text)::integer, NEW."subjectId", NEW."createdAt")
      ON CONFLICT DO NOTHING;
  END IF;
  INSERT INTO "InboxItem" ("userId", "eventId")
    SELECT w."userId", NEW."id" FROM "Watch" w WHERE w."claimId" = NEW."subjectId" AND w."userId" IS DISTINCT FROM NEW."actorId";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "AuditEvent_desk" AFTER INSERT ON "AuditEvent"
  FOR EACH ROW WHEN (NEW."subjectType" = 'claim')
  EXECUTE FUNCTION "AuditEvent_desk"();

-- The outbox: a delivery for each active webhook that wants the action
-- ("*" wants them all), due at once.
CREATE FUNCTION "WebhookDelivery_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WebhookDelivery" ("webhookId", "eventId", "nextAttemptAt", "createdAt")
    SELECT w."id", NEW."id", NEW."createdAt", NEW."createdAt" FROM "Webhook" w
    WHERE w."active" AND (w."actions"::jsonb ? NEW."action" OR w."actions"::jsonb ? '*');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "WebhookDelivery_insert" AFTER INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "WebhookDelivery_insert"();

-- An upgraded database: its editors watch the claims they already changed.
INSERT INTO "Watch" ("userId", "claimId", "createdAt")
  SELECT "actorId", "subjectId", MIN("createdAt") FROM "AuditEvent"
  WHERE "subjectType" = 'claim' AND "actorId" IS NOT NULL
  GROUP BY "actorId", "subjectId";
