-- A status filter reads its page in id order straight from this index.
CREATE INDEX "Claim_status_id_idx" ON "Claim"("status", "id");

-- Claims per status, kept by triggers, so the unfiltered list's status tabs
-- cost the same at 100,000 claims as at 1,000.
CREATE TABLE "ClaimStatusCount" (
    "status" TEXT NOT NULL PRIMARY KEY,
    "n" INTEGER NOT NULL DEFAULT 0
);

INSERT INTO "ClaimStatusCount" ("status", "n")
  SELECT s."status", (SELECT COUNT(*) FROM "Claim" c WHERE c."status" = s."status")
  FROM (SELECT 'unverified' AS "status" UNION ALL SELECT 'rumored' UNION ALL SELECT 'confirmed' UNION ALL SELECT 'false' UNION ALL SELECT 'inconclusive') s;

CREATE TRIGGER "ClaimStatusCount_insert" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "ClaimStatusCount" ("status", "n") VALUES (NEW."status", 1)
    ON CONFLICT ("status") DO UPDATE SET "n" = "n" + 1;
END;

CREATE TRIGGER "ClaimStatusCount_update" AFTER UPDATE OF "status" ON "Claim" WHEN OLD."status" <> NEW."status" BEGIN
  UPDATE "ClaimStatusCount" SET "n" = "n" - 1 WHERE "status" = OLD."status";
  INSERT INTO "ClaimStatusCount" ("status", "n") VALUES (NEW."status", 1)
    ON CONFLICT ("status") DO UPDATE SET "n" = "n" + 1;
END;

CREATE TRIGGER "ClaimStatusCount_delete" AFTER DELETE ON "Claim" BEGIN
  UPDATE "ClaimStatusCount" SET "n" = "n" - 1 WHERE "status" = OLD."status";
END;
