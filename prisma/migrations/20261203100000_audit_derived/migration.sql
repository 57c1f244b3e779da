-- State that pages read out of the audit log's changes JSON, kept in tables
-- by triggers on the log instead, so in the transaction that writes the
-- event; rebuilt here from the events already logged (an old database
-- upgraded reads the same). The log stays the record: these are derived.

-- A source's impact: the action, time and moves of each citing event, so
-- that the source page reads no event.
CREATE TABLE "new_SourceCitation" (
    "sourceId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL,
    "statusFrom" TEXT,
    "statusTo" TEXT,
    "confidenceFrom" INTEGER,
    "confidenceTo" INTEGER,
    PRIMARY KEY ("sourceId", "eventId")
);

INSERT INTO "new_SourceCitation" ("sourceId", "eventId", "claimId", "action", "changedAt", "statusFrom", "statusTo", "confidenceFrom", "confidenceTo")
  SELECT s."sourceId", s."eventId", s."claimId", a."action", a."createdAt",
    json_extract(a."changes", '$.status[0]'), json_extract(a."changes", '$.status[1]'),
    json_extract(a."changes", '$.confidence[0]'), json_extract(a."changes", '$.confidence[1]')
  FROM "SourceCitation" s JOIN "AuditEvent" a ON a."id" = s."eventId";

-- the trigger that fills it is on the log, and is replaced to fill the new columns
DROP TRIGGER "SourceCitation_insert";
DROP TABLE "SourceCitation";
ALTER TABLE "new_SourceCitation" RENAME TO "SourceCitation";

CREATE TRIGGER "SourceCitation_insert" AFTER INSERT ON "AuditEvent"
  WHEN NEW."subjectType" = 'claim' AND NEW."action" IN ('claim.status', 'claim.update', 'claim.resolve', 'claim.reopen')
    AND (json_type(NEW."changes", '$.status') IS NOT NULL OR json_type(NEW."changes", '$.confidence') IS NOT NULL)
BEGIN
  INSERT OR IGNORE INTO "SourceCitation" ("sourceId", "eventId", "claimId", "action", "changedAt", "statusFrom", "statusTo", "confidenceFrom", "confidenceTo")
    SELECT j."value", NEW."id", NEW."subjectId", NEW."action", NEW."createdAt",
      json_extract(NEW."changes", '$.status[0]'), json_extract(NEW."changes", '$.status[1]'),
      json_extract(NEW."changes", '$.confidence[0]'), json_extract(NEW."changes", '$.confidence[1]')
    FROM json_each(NEW."sourceIds") j;
END;

-- Where a merged entity went and the name it had: the survivor's merge
-- event names the entry it absorbed ({"mergedEntity": [null, {id, name}]}).
CREATE TABLE "EntityMerge" (
    "mergedId" INTEGER NOT NULL PRIMARY KEY,
    "intoId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL
);

-- oldest first, so that the latest merge of an id is the one kept
INSERT INTO "EntityMerge" ("mergedId", "intoId", "name", "eventId")
  SELECT json_extract("changes", '$.mergedEntity[1].id'), "subjectId", COALESCE(json_extract("changes", '$.mergedEntity[1].name'), ''), "id"
  FROM "AuditEvent"
  WHERE "subjectType" = 'entity' AND "action" = 'entity.merge' AND json_type("changes", '$.mergedEntity[1].id') = 'integer'
  ORDER BY "id"
  ON CONFLICT ("mergedId") DO UPDATE SET "intoId" = excluded."intoId", "name" = excluded."name", "eventId" = excluded."eventId";

CREATE TRIGGER "EntityMerge_insert" AFTER INSERT ON "AuditEvent"
  WHEN NEW."subjectType" = 'entity' AND NEW."action" = 'entity.merge' AND json_type(NEW."changes", '$.mergedEntity[1].id') = 'integer'
BEGIN
  INSERT INTO "EntityMerge" ("mergedId", "intoId", "name", "eventId")
    VALUES (json_extract(NEW."changes", '$.mergedEntity[1].id'), NEW."subjectId", COALESCE(json_extract(NEW."changes", '$.mergedEntity[1].name'), ''), NEW."id")
    ON CONFLICT ("mergedId") DO UPDATE SET "intoId" = excluded."intoId", "name" = excluded."name", "eventId" = excluded."eventId";
END;

-- When a claim was last flagged for review (the dashboard's queue, oldest
-- flag first), instead of a search of the log for each flagged claim.
CREATE TABLE "ClaimFlag" (
    "claimId" INTEGER NOT NULL PRIMARY KEY,
    "eventId" INTEGER NOT NULL,
    "flaggedAt" DATETIME NOT NULL
);

INSERT INTO "ClaimFlag" ("claimId", "eventId", "flaggedAt")
  SELECT "subjectId", "id", "createdAt" FROM "AuditEvent"
  WHERE "subjectType" = 'claim' AND "action" = 'claim.flag'
  ORDER BY "id"
  ON CONFLICT ("claimId") DO UPDATE SET "eventId" = excluded."eventId", "flaggedAt" = excluded."flaggedAt";

CREATE TRIGGER "ClaimFlag_insert" AFTER INSERT ON "AuditEvent"
  WHEN NEW."subjectType" = 'claim' AND NEW."action" = 'claim.flag'
BEGIN
  INSERT INTO "ClaimFlag" ("claimId", "eventId", "flaggedAt") VALUES (NEW."subjectId", NEW."id", NEW."createdAt")
    ON CONFLICT ("claimId") DO UPDATE SET "eventId" = excluded."eventId", "flaggedAt" = excluded."flaggedAt";
END;
