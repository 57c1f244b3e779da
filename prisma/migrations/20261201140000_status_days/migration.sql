-- The dashboard's chart: the net change of claims per status and UTC day,
-- kept by triggers in the writing transaction, so the home page no longer
-- scans the whole audit log (about a second at 350,000 events).
CREATE TABLE "ClaimStatusDay" (
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "delta" INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY ("day", "status")
);

-- The history so far, read once from the audit log: every event that set a
-- claim's status adds one to the new status and takes one from the old.
INSERT INTO "ClaimStatusDay" ("day", "status", "delta")
  SELECT "day", "status", SUM("delta") FROM (
    SELECT substr("createdAt", 1, 10) AS "day", json_extract("changes", '$.status[1]') AS "status", 1 AS "delta"
      FROM "AuditEvent" WHERE "action" IN ('claim.create', 'claim.status', 'claim.resolve', 'claim.reopen')
    UNION ALL
    SELECT substr("createdAt", 1, 10), json_extract("changes", '$.status[0]'), -1
      FROM "AuditEvent" WHERE "action" IN ('claim.status', 'claim.resolve', 'claim.reopen')
  ) WHERE "status" IS NOT NULL
  GROUP BY "day", "status";

-- From now on: the day a claim was recorded, and the day its status changed
-- (createdAt and updatedAt are ISO text in UTC: the first ten characters are the day).
CREATE TRIGGER "ClaimStatusDay_insert" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "ClaimStatusDay" ("day", "status", "delta") VALUES (substr(NEW."createdAt", 1, 10), NEW."status", 1)
    ON CONFLICT ("day", "status") DO UPDATE SET "delta" = "delta" + 1;
END;

CREATE TRIGGER "ClaimStatusDay_update" AFTER UPDATE OF "status" ON "Claim" WHEN OLD."status" <> NEW."status" BEGIN
  INSERT INTO "ClaimStatusDay" ("day", "status", "delta") VALUES (substr(NEW."updatedAt", 1, 10), OLD."status", -1)
    ON CONFLICT ("day", "status") DO UPDATE SET "delta" = "delta" - 1;
  INSERT INTO "ClaimStatusDay" ("day", "status", "delta") VALUES (substr(NEW."updatedAt", 1, 10), NEW."status", 1)
    ON CONFLICT ("day", "status") DO UPDATE SET "delta" = "delta" + 1;
END;

CREATE TRIGGER "ClaimStatusDay_delete" AFTER DELETE ON "Claim" BEGIN
  INSERT INTO "ClaimStatusDay" ("day", "status", "delta") VALUES (strftime('%Y-%m-%d', 'now'), OLD."status", -1)
    ON CONFLICT ("day", "status") DO UPDATE SET "delta" = "delta" - 1;
END;

-- The dashboard's "recently resolved" reads its ten rows from this index.
CREATE INDEX "Claim_resolvedAt_id_idx" ON "Claim"("resolvedAt", "id");
