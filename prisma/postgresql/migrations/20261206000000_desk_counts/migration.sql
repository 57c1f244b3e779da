-- The desk at a year's scale (issue 12's benchmark: a story holding 10,000
-- of 100,000 claims); SQLite's migration of the same name, in PostgreSQL.

-- A list filtered by assignee ("My claims", ?assignee=none) reads its page
-- newest first straight from this index (its status tabs count in the
-- desk's ("assigneeId", "status")).
CREATE INDEX "Claim_assigneeId_id_idx" ON "Claim"("assigneeId", "id");

-- A story's claims per status and assignee (0: nobody), kept by triggers, so
-- its counts by status and who works on what are read, not counted.
CREATE TABLE "StoryClaimCount" (
    "storyId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "assigneeId" INTEGER NOT NULL DEFAULT 0,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StoryClaimCount_pkey" PRIMARY KEY ("storyId","status","assigneeId")
);

INSERT INTO "StoryClaimCount" ("storyId", "status", "assigneeId", "n")
  SELECT sc."storyId", c."status", COALESCE(c."assigneeId", 0), COUNT(*)
  FROM "StoryClaim" sc JOIN "Claim" c ON c."id" = sc."claimId"
  GROUP BY sc."storyId", c."status", COALESCE(c."assigneeId", 0);

CREATE FUNCTION "StoryClaimCount_link"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "StoryClaimCount" ("storyId", "status", "assigneeId", "n")
      SELECT NEW."storyId", c."status", COALESCE(c."assigneeId", 0), 1 FROM "Claim" c WHERE c."id" = NEW."claimId"
      ON CONFLICT ("storyId", "status", "assigneeId") DO UPDATE SET "n" = "StoryClaimCount"."n" + 1;
  ELSE
    UPDATE "StoryClaimCount" s SET "n" = s."n" - 1 FROM "Claim" c
      WHERE c."id" = OLD."claimId" AND s."storyId" = OLD."storyId" AND s."status" = c."status" AND s."assigneeId" = COALESCE(c."assigneeId", 0);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "StoryClaimCount_link" AFTER INSERT OR DELETE ON "StoryClaim"
  FOR EACH ROW EXECUTE FUNCTION "StoryClaimCount_link"();

CREATE FUNCTION "StoryClaimCount_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "StoryClaimCount" s SET "n" = s."n" - 1 FROM "StoryClaim" sc
    WHERE sc."claimId" = NEW."id" AND s."storyId" = sc."storyId" AND s."status" = OLD."status" AND s."assigneeId" = COALESCE(OLD."assigneeId", 0);
  INSERT INTO "StoryClaimCount" ("storyId", "status", "assigneeId", "n")
    SELECT sc."storyId", NEW."status", COALESCE(NEW."assigneeId", 0), 1 FROM "StoryClaim" sc WHERE sc."claimId" = NEW."id"
    ON CONFLICT ("storyId", "status", "assigneeId") DO UPDATE SET "n" = "StoryClaimCount"."n" + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "StoryClaimCount_claim" AFTER UPDATE OF "status", "assigneeId" ON "Claim"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."assigneeId" IS DISTINCT FROM NEW."assigneeId")
  EXECUTE FUNCTION "StoryClaimCount_claim"();
