-- A source's impact (the claims whose status or confidence changed citing
-- it) read from a table kept by a trigger on the audit log, instead of
-- scanning every claim event's JSON on each source page (about 300 ms at
-- 350,000 events). Derived from the log, so rebuilt from it here.
CREATE TABLE "SourceCitation" (
    "sourceId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    PRIMARY KEY ("sourceId", "eventId")
);

INSERT OR IGNORE INTO "SourceCitation" ("sourceId", "eventId", "claimId")
  SELECT j."value", a."id", a."subjectId" FROM "AuditEvent" a, json_each(a."sourceIds") j
  WHERE a."subjectType" = 'claim' AND a."action" IN ('claim.status', 'claim.update', 'claim.resolve', 'claim.reopen')
    AND (json_type(a."changes", '$.status') IS NOT NULL OR json_type(a."changes", '$.confidence') IS NOT NULL);

CREATE TRIGGER "SourceCitation_insert" AFTER INSERT ON "AuditEvent"
  WHEN NEW."subjectType" = 'claim' AND NEW."action" IN ('claim.status', 'claim.update', 'claim.resolve', 'claim.reopen')
    AND (json_type(NEW."changes", '$.status') IS NOT NULL OR json_type(NEW."changes", '$.confidence') IS NOT NULL)
BEGIN
  INSERT OR IGNORE INTO "SourceCitation" ("sourceId", "eventId", "claimId")
    SELECT j."value", NEW."id", NEW."subjectId" FROM json_each(NEW."sourceIds") j;
END;
