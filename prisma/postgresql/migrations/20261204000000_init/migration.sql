-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
    "statement" TEXT NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'unverified',
    "confidence" INTEGER NOT NULL DEFAULT 50,
    "occurredAt" TIMESTAMP(3),
    "occurredPrecision" TEXT NOT NULL DEFAULT 'instant',
    "occurredZone" TEXT NOT NULL DEFAULT 'UTC',
    "occurredAtText" TEXT NOT NULL DEFAULT '',
    "firstReportedAt" TIMESTAMP(3),
    "resolutionNote" TEXT NOT NULL DEFAULT '',
    "resolvedAt" TIMESTAMP(3),
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "reviewReason" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimStatusCount" (
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClaimStatusCount_pkey" PRIMARY KEY ("status")
);

-- CreateTable
CREATE TABLE "ClaimStatusDay" (
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "delta" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClaimStatusDay_pkey" PRIMARY KEY ("day","status")
);

-- CreateTable
CREATE TABLE "SourceCitation" (
    "sourceId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "statusFrom" TEXT,
    "statusTo" TEXT,
    "confidenceFrom" INTEGER,
    "confidenceTo" INTEGER,

    CONSTRAINT "SourceCitation_pkey" PRIMARY KEY ("sourceId","eventId")
);

-- CreateTable
CREATE TABLE "EntityMerge" (
    "mergedId" INTEGER NOT NULL,
    "intoId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,

    CONSTRAINT "EntityMerge_pkey" PRIMARY KEY ("mergedId")
);

-- CreateTable
CREATE TABLE "ClaimFlag" (
    "claimId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "flaggedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimFlag_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "urlKey" TEXT,
    "publishedAt" TIMESTAMP(3),
    "kind" TEXT NOT NULL DEFAULT 'other',
    "reliability" TEXT NOT NULL DEFAULT 'unknown',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "stance" TEXT NOT NULL,
    "quote" TEXT NOT NULL DEFAULT '',
    "language" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Entity" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntityAlias" (
    "id" SERIAL NOT NULL,
    "entityId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "folded" TEXT NOT NULL,

    CONSTRAINT "EntityAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimEntity" (
    "claimId" INTEGER NOT NULL,
    "entityId" INTEGER NOT NULL,

    CONSTRAINT "ClaimEntity_pkey" PRIMARY KEY ("claimId","entityId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL DEFAULT '',
    "sourceIds" TEXT NOT NULL DEFAULT '[]',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "ok" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "lastId" INTEGER NOT NULL,
    "head" TEXT NOT NULL,
    "firstBadEvent" INTEGER,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "fullAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "passwordHash" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "sessionGeneration" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "sid" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userId" INTEGER,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "SignInEvent" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email" TEXT NOT NULL,
    "userId" INTEGER,
    "address" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,

    CONSTRAINT "SignInEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Claim_status_createdAt_id_idx" ON "Claim"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_status_id_idx" ON "Claim"("status", "id");

-- CreateIndex
CREATE INDEX "Claim_createdAt_id_idx" ON "Claim"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_occurredAt_idx" ON "Claim"("occurredAt");

-- CreateIndex
CREATE INDEX "Claim_occurredAt_id_idx" ON "Claim"("occurredAt", "id");

-- CreateIndex
CREATE INDEX "Claim_confidence_id_idx" ON "Claim"("confidence", "id");

-- CreateIndex
CREATE INDEX "Claim_needsReview_idx" ON "Claim"("needsReview");

-- CreateIndex
CREATE INDEX "Claim_resolvedAt_id_idx" ON "Claim"("resolvedAt", "id");

-- CreateIndex
CREATE INDEX "Source_createdAt_id_idx" ON "Source"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Source_urlKey_idx" ON "Source"("urlKey");

-- CreateIndex
CREATE INDEX "Evidence_claimId_idx" ON "Evidence"("claimId");

-- CreateIndex
CREATE INDEX "Evidence_sourceId_idx" ON "Evidence"("sourceId");

-- CreateIndex
CREATE INDEX "Entity_name_idx" ON "Entity"("name");

-- CreateIndex
CREATE INDEX "EntityAlias_folded_idx" ON "EntityAlias"("folded");

-- CreateIndex
CREATE UNIQUE INDEX "EntityAlias_entityId_folded_key" ON "EntityAlias"("entityId", "folded");

-- CreateIndex
CREATE INDEX "ClaimEntity_entityId_claimId_idx" ON "ClaimEntity"("entityId", "claimId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_id_idx" ON "AuditEvent"("subjectType", "subjectId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorLabel_id_idx" ON "AuditEvent"("actorLabel", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "SignInEvent_email_createdAt_idx" ON "SignInEvent"("email", "createdAt");

-- CreateIndex
CREATE INDEX "SignInEvent_address_createdAt_idx" ON "SignInEvent"("address", "createdAt");

-- CreateIndex
CREATE INDEX "SignInEvent_outcome_createdAt_idx" ON "SignInEvent"("outcome", "createdAt");

-- CreateIndex
CREATE INDEX "SignInEvent_createdAt_idx" ON "SignInEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityAlias" ADD CONSTRAINT "EntityAlias_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEntity" ADD CONSTRAINT "ClaimEntity_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEntity" ADD CONSTRAINT "ClaimEntity_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What the SQLite migrations add by hand to the tables above, for a fresh
-- PostgreSQL database: the audit log's guards, the tables kept by triggers,
-- and full-text search. Triggers keep them in the transaction of every
-- write, whatever code path makes it.

-- The audit trail is append-only: the database itself refuses to change or
-- remove an event, whatever code path tries. TRUNCATE (which SQLite has not)
-- skips row triggers, so it has its own. SQLite's "AuditEvent_no_replace" has
-- no counterpart: PostgreSQL has no REPLACE, an INSERT over an existing id or
-- hash fails on the primary key or the unique index, and an upsert's
-- ON CONFLICT DO UPDATE is refused by the UPDATE trigger.
-- One function refuses for every guard below: each trigger passes its message.
CREATE FUNCTION claimtrack_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;

CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('audit events are append-only: UPDATE refused');

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('audit events are append-only: DELETE refused');

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('audit events are append-only: TRUNCATE refused');

-- A sign-in record is evidence: it is never rewritten (old ones are pruned,
-- so DELETE stays allowed).
CREATE TRIGGER "SignInEvent_no_update" BEFORE UPDATE ON "SignInEvent"
  FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('sign-in events are append-only: UPDATE refused');

-- The last verification of the chain is one row: the CHECK refuses a second.
ALTER TABLE "AuditVerification" ADD CONSTRAINT "AuditVerification_id_check" CHECK ("id" = 1);

-- Claims per status, kept by triggers, so the unfiltered list's status tabs
-- cost the same at 100,000 claims as at 1,000. Every status has its row from
-- the start (at zero: there are no claims yet); another status gets one when
-- first written.
INSERT INTO "ClaimStatusCount" ("status", "n") VALUES
  ('unverified', 0), ('rumored', 0), ('confirmed', 0), ('false', 0), ('inconclusive', 0);

CREATE FUNCTION "ClaimStatusCount_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "ClaimStatusCount" SET "n" = "n" - 1 WHERE "status" = OLD."status";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "ClaimStatusCount" ("status", "n") VALUES (NEW."status", 1)
      ON CONFLICT ("status") DO UPDATE SET "n" = "ClaimStatusCount"."n" + 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimStatusCount_insert" AFTER INSERT ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "ClaimStatusCount_count"();

CREATE TRIGGER "ClaimStatusCount_update" AFTER UPDATE OF "status" ON "Claim"
  FOR EACH ROW WHEN (OLD."status" <> NEW."status") EXECUTE FUNCTION "ClaimStatusCount_count"();

CREATE TRIGGER "ClaimStatusCount_delete" AFTER DELETE ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "ClaimStatusCount_count"();

-- The dashboard's chart: the net change of claims per status and UTC day.
-- A claim counts on the day it was recorded, a status change on the day of
-- the update (createdAt and updatedAt hold UTC without a zone, so their date
-- is the UTC day), a deletion on today's UTC date.
CREATE FUNCTION "ClaimStatusDay_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ClaimStatusDay" ("day", "status", "delta") VALUES (to_char(NEW."createdAt", 'YYYY-MM-DD'), NEW."status", 1)
      ON CONFLICT ("day", "status") DO UPDATE SET "delta" = "ClaimStatusDay"."delta" + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "ClaimStatusDay" ("day", "status", "delta") VALUES (to_char(NEW."updatedAt", 'YYYY-MM-DD'), OLD."status", -1)
      ON CONFLICT ("day", "status") DO UPDATE SET "delta" = "ClaimStatusDay"."delta" - 1;
    INSERT INTO "ClaimStatusDay" ("day", "status", "delta") VALUES (to_char(NEW."updatedAt", 'YYYY-MM-DD'), NEW."status", 1)
      ON CONFLICT ("day", "status") DO UPDATE SET "delta" = "ClaimStatusDay"."delta" + 1;
  ELSE
    INSERT INTO "ClaimStatusDay" ("day", "status", "delta") VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'), OLD."status", -1)
      ON CONFLICT ("day", "status") DO UPDATE SET "delta" = "ClaimStatusDay"."delta" - 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimStatusDay_insert" AFTER INSERT ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "ClaimStatusDay_count"();

CREATE TRIGGER "ClaimStatusDay_update" AFTER UPDATE OF "status" ON "Claim"
  FOR EACH ROW WHEN (OLD."status" <> NEW."status") EXECUTE FUNCTION "ClaimStatusDay_count"();

CREATE TRIGGER "ClaimStatusDay_delete" AFTER DELETE ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "ClaimStatusDay_count"();

-- State that pages read out of the audit log's changes JSON, kept in tables
-- by triggers on the log. The log stays the record: these are derived.
-- "changes" and "sourceIds" are JSON in TEXT columns, read as jsonb here. A
-- key is "present" as SQLite's json_type(...) IS NOT NULL has it: a JSON
-- null counts, a key of something that is not an object does not, which is
-- what "->" gives (SQL NULL only when the key or index is missing).

-- A source's impact: the action, time and moves of each claim event that
-- changed a status or a confidence citing it, so that the source page reads
-- no event. A move is read only from a [from, to] array (jsonb's "-> 0"
-- would read a lone value as its own first element, where SQLite's
-- '$.status[0]' is NULL). A null in the list of sources is skipped, as
-- SQLite's INSERT OR IGNORE skipped it on the NOT NULL column, and a source
-- cited twice counts once.
CREATE FUNCTION "SourceCitation_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes jsonb := NEW."changes"::jsonb;
  status jsonb := CASE WHEN jsonb_typeof(changes -> 'status') = 'array' THEN changes -> 'status' END;
  confidence jsonb := CASE WHEN jsonb_typeof(changes -> 'confidence') = 'array' THEN changes -> 'confidence' END;
BEGIN
  INSERT INTO "SourceCitation" ("sourceId", "eventId", "claimId", "action", "changedAt", "statusFrom", "statusTo", "confidenceFrom", "confidenceTo")
    SELECT j."value"::integer, NEW."id", NEW."subjectId", NEW."action", NEW."createdAt",
      status ->> 0, status ->> 1, (confidence ->> 0)::integer, (confidence ->> 1)::integer
    FROM jsonb_array_elements_text(NEW."sourceIds"::jsonb) j("value")
    WHERE j."value" IS NOT NULL
    ON CONFLICT ("sourceId", "eventId") DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "SourceCitation_insert" AFTER INSERT ON "AuditEvent"
  FOR EACH ROW WHEN (NEW."subjectType" = 'claim' AND NEW."action" IN ('claim.status', 'claim.update', 'claim.resolve', 'claim.reopen')
    AND ((NEW."changes"::jsonb -> 'status') IS NOT NULL OR (NEW."changes"::jsonb -> 'confidence') IS NOT NULL))
  EXECUTE FUNCTION "SourceCitation_insert"();

-- Where a merged entity went and the name it had: the survivor's merge
-- event names the entry it absorbed ({"mergedEntity": [null, {id, name}]}).
-- Only an integer id counts, as SQLite's json_type 'integer': a number with
-- no fraction (jsonb keeps 44.0 as written, so it is refused as SQLite's
-- 'real' is; it reads 1e2 as 100, which counts). A later merge of the same
-- id replaces the earlier.
CREATE FUNCTION "EntityMerge_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  merged jsonb := NEW."changes"::jsonb -> 'mergedEntity' -> 1;
BEGIN
  INSERT INTO "EntityMerge" ("mergedId", "intoId", "name", "eventId")
    VALUES ((merged ->> 'id')::integer, NEW."subjectId", COALESCE(merged ->> 'name', ''), NEW."id")
    ON CONFLICT ("mergedId") DO UPDATE SET "intoId" = EXCLUDED."intoId", "name" = EXCLUDED."name", "eventId" = EXCLUDED."eventId";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "EntityMerge_insert" AFTER INSERT ON "AuditEvent"
  FOR EACH ROW WHEN (NEW."subjectType" = 'entity' AND NEW."action" = 'entity.merge'
    AND jsonb_typeof(NEW."changes"::jsonb -> 'mergedEntity' -> 1 -> 'id') = 'number'
    AND (NEW."changes"::jsonb -> 'mergedEntity' -> 1 -> 'id')::text ~ '^-?[0-9]+$')
  EXECUTE FUNCTION "EntityMerge_insert"();

-- When a claim was last flagged for review (the dashboard's queue, oldest
-- flag first), instead of a search of the log for each flagged claim.
CREATE FUNCTION "ClaimFlag_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ClaimFlag" ("claimId", "eventId", "flaggedAt") VALUES (NEW."subjectId", NEW."id", NEW."createdAt")
    ON CONFLICT ("claimId") DO UPDATE SET "eventId" = EXCLUDED."eventId", "flaggedAt" = EXCLUDED."flaggedAt";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimFlag_insert" AFTER INSERT ON "AuditEvent"
  FOR EACH ROW WHEN (NEW."subjectType" = 'claim' AND NEW."action" = 'claim.flag')
  EXECUTE FUNCTION "ClaimFlag_insert"();

-- Full-text search over claims and entity names, in place of SQLite's FTS5.
-- Words are folded for case and accents ("Pekin" finds "Pékin") and indexed
-- as they are, with no stemming or stop words (the 'simple' configuration),
-- as unicode61 with remove_diacritics did; a prefix query ('reuni':*) finds
-- "Réunion" through the GIN index. A query's words are folded the same way
-- (claimtrack_fold) before to_tsquery('simple', ...).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION claimtrack_fold(text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT lower(unaccent(coalesce($1, '')))
$$;

-- The document a claim is found by: its statement (weight A) and context
-- (B), the quotes of its evidence (C) and the titles of the sources behind
-- them (D), so that a query can ask for one part, as FTS5's columns allowed
-- ('monde':*D finds a claim by a source's title). The row goes with its claim.
CREATE TABLE "ClaimSearch" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "document" tsvector NOT NULL
);

CREATE INDEX "ClaimSearch_document_idx" ON "ClaimSearch" USING GIN ("document");

-- Writes the documents of these claims again; ids of claims that no longer
-- exist are skipped (an evidence row deleted with its claim asks for it).
CREATE FUNCTION claimtrack_claim_search_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ClaimSearch" ("id", "document")
    SELECT c."id",
      setweight(to_tsvector('simple', claimtrack_fold(c."statement")), 'A') ||
      setweight(to_tsvector('simple', claimtrack_fold(c."context")), 'B') ||
      setweight(to_tsvector('simple', claimtrack_fold(
        (SELECT string_agg(e."quote", ' ' ORDER BY e."id") FROM "Evidence" e WHERE e."claimId" = c."id"))), 'C') ||
      setweight(to_tsvector('simple', claimtrack_fold(
        (SELECT string_agg(s."title", ' ' ORDER BY e."id") FROM "Evidence" e JOIN "Source" s ON s."id" = e."sourceId" WHERE e."claimId" = c."id"))), 'D')
    FROM "Claim" c
    WHERE c."id" = ANY (ids)
    ON CONFLICT ("id") DO UPDATE SET "document" = EXCLUDED."document";
END;
$$;

CREATE FUNCTION "ClaimSearch_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claimtrack_claim_search_refresh(ARRAY[NEW."id"]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claim"();

CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE OF "statement", "context" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claim"();

-- An evidence row moved to another claim changes the documents of both.
CREATE FUNCTION "ClaimSearch_evidence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM claimtrack_claim_search_refresh(ARRAY[NEW."claimId"]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM claimtrack_claim_search_refresh(ARRAY[OLD."claimId", NEW."claimId"]);
  ELSE
    PERFORM claimtrack_claim_search_refresh(ARRAY[OLD."claimId"]);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimSearch_evidence_insert" AFTER INSERT ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_evidence"();

CREATE TRIGGER "ClaimSearch_evidence_update" AFTER UPDATE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_evidence"();

CREATE TRIGGER "ClaimSearch_evidence_delete" AFTER DELETE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_evidence"();

-- A source's new title is in the document of every claim citing it.
CREATE FUNCTION "ClaimSearch_source_title"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claimtrack_claim_search_refresh(ARRAY(SELECT DISTINCT e."claimId" FROM "Evidence" e WHERE e."sourceId" = NEW."id"));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimSearch_source_title" AFTER UPDATE OF "title" ON "Source"
  FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_source_title"();

-- The names of each entity (its name and every alias), so a search word is
-- matched to the people and organisations it names without loading them all.
CREATE TABLE "EntityNameSearch" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Entity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "names" tsvector NOT NULL
);

CREATE INDEX "EntityNameSearch_names_idx" ON "EntityNameSearch" USING GIN ("names");

-- Writes the names of these entities again; ids of entities that no longer
-- exist are skipped (an alias deleted with its entity asks for it).
CREATE FUNCTION claimtrack_entity_name_search_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EntityNameSearch" ("id", "names")
    SELECT n."id",
      to_tsvector('simple', claimtrack_fold(n."name" || ' ' ||
        COALESCE((SELECT string_agg(a."alias", ' ' ORDER BY a."id") FROM "EntityAlias" a WHERE a."entityId" = n."id"), '')))
    FROM "Entity" n
    WHERE n."id" = ANY (ids)
    ON CONFLICT ("id") DO UPDATE SET "names" = EXCLUDED."names";
END;
$$;

CREATE FUNCTION "EntityNameSearch_entity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claimtrack_entity_name_search_refresh(ARRAY[NEW."id"]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "EntityNameSearch_entity_insert" AFTER INSERT ON "Entity"
  FOR EACH ROW EXECUTE FUNCTION "EntityNameSearch_entity"();

CREATE TRIGGER "EntityNameSearch_entity_update" AFTER UPDATE OF "name" ON "Entity"
  FOR EACH ROW EXECUTE FUNCTION "EntityNameSearch_entity"();

-- An alias moved to another entity (a merge) changes the names of both.
CREATE FUNCTION "EntityNameSearch_alias"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM claimtrack_entity_name_search_refresh(ARRAY[NEW."entityId"]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM claimtrack_entity_name_search_refresh(ARRAY[OLD."entityId", NEW."entityId"]);
  ELSE
    PERFORM claimtrack_entity_name_search_refresh(ARRAY[OLD."entityId"]);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "EntityNameSearch_alias_insert" AFTER INSERT ON "EntityAlias"
  FOR EACH ROW EXECUTE FUNCTION "EntityNameSearch_alias"();

CREATE TRIGGER "EntityNameSearch_alias_update" AFTER UPDATE ON "EntityAlias"
  FOR EACH ROW EXECUTE FUNCTION "EntityNameSearch_alias"();

CREATE TRIGGER "EntityNameSearch_alias_delete" AFTER DELETE ON "EntityAlias"
  FOR EACH ROW EXECUTE FUNCTION "EntityNameSearch_alias"();

-- One chain, whatever the number of app servers: every write transaction
-- takes one advisory lock first (src/postgres/adapter.ts), so appends are
-- in turn. Should anything ever append beside it, two events naming the
-- same predecessor (a fork) are refused here rather than stored.
CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash");
