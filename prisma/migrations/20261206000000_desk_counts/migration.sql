-- The desk at a year's scale (issue 12's benchmark: a story holding 10,000
-- of 100,000 claims).

-- A list filtered by assignee ("My claims", ?assignee=none) reads its page
-- newest first straight from this index, instead of sorting every claim of
-- the assignee (85,000 unassigned ones) to keep 50. Its status tabs still
-- count in the desk's ("assigneeId", "status") index, which needs no sort.
CREATE INDEX "Claim_assigneeId_id_idx" ON "Claim"("assigneeId", "id");

-- A story's claims per status and assignee (0: nobody), kept by triggers, so
-- its counts by status (its page, the dashboard, /claims?story=ID's tabs)
-- and who works on what are read, not counted.
CREATE TABLE "StoryClaimCount" (
    "storyId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "assigneeId" INTEGER NOT NULL DEFAULT 0,
    "n" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("storyId", "status", "assigneeId")
);

INSERT INTO "StoryClaimCount" ("storyId", "status", "assigneeId", "n")
  SELECT sc."storyId", c."status", COALESCE(c."assigneeId", 0), COUNT(*)
  FROM "StoryClaim" sc JOIN "Claim" c ON c."id" = sc."claimId"
  GROUP BY sc."storyId", c."status", COALESCE(c."assigneeId", 0);

-- (an upsert's SELECT needs a WHERE: SQLite would read ON as a join's)
CREATE TRIGGER "StoryClaimCount_link_insert" AFTER INSERT ON "StoryClaim" BEGIN
  INSERT INTO "StoryClaimCount" ("storyId", "status", "assigneeId", "n")
    SELECT NEW."storyId", c."status", COALESCE(c."assigneeId", 0), 1 FROM "Claim" c WHERE c."id" = NEW."claimId"
    ON CONFLICT ("storyId", "status", "assigneeId") DO UPDATE SET "n" = "n" + 1;
END;

CREATE TRIGGER "StoryClaimCount_link_delete" AFTER DELETE ON "StoryClaim" BEGIN
  UPDATE "StoryClaimCount" SET "n" = "n" - 1
    WHERE "storyId" = OLD."storyId"
      AND "status" = (SELECT "status" FROM "Claim" WHERE "id" = OLD."claimId")
      AND "assigneeId" = (SELECT COALESCE("assigneeId", 0) FROM "Claim" WHERE "id" = OLD."claimId");
END;

CREATE TRIGGER "StoryClaimCount_claim_update" AFTER UPDATE OF "status", "assigneeId" ON "Claim"
  WHEN OLD."status" <> NEW."status" OR OLD."assigneeId" IS NOT NEW."assigneeId" BEGIN
  UPDATE "StoryClaimCount" SET "n" = "n" - 1
    WHERE "status" = OLD."status" AND "assigneeId" = COALESCE(OLD."assigneeId", 0)
      AND "storyId" IN (SELECT "storyId" FROM "StoryClaim" WHERE "claimId" = NEW."id");
  INSERT INTO "StoryClaimCount" ("storyId", "status", "assigneeId", "n")
    SELECT sc."storyId", NEW."status", COALESCE(NEW."assigneeId", 0), 1 FROM "StoryClaim" sc WHERE sc."claimId" = NEW."id"
    ON CONFLICT ("storyId", "status", "assigneeId") DO UPDATE SET "n" = "n" + 1;
END;
