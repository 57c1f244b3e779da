-- Full-text search over claims (SQLite FTS5).
--
-- The document a claim is found by: its statement and context, the quotes
-- of its evidence and the titles of the sources behind them.
CREATE VIEW "ClaimSearchDoc" AS
SELECT
  c."id" AS "id",
  c."statement" AS "statement",
  c."context" AS "context",
  COALESCE((SELECT group_concat(e."quote", ' ') FROM "Evidence" e WHERE e."claimId" = c."id"), '') AS "quotes",
  COALESCE((SELECT group_concat(s."title", ' ') FROM "Evidence" e JOIN "Source" s ON s."id" = e."sourceId" WHERE e."claimId" = c."id"), '') AS "sources"
FROM "Claim" c;

-- Contentless (the text lives in the tables above) with deletes by rowid;
-- unicode61 with remove_diacritics folds case and accents ("Pekin" finds
-- "Pékin"); prefix indexes make "Reuni*" cheap.
CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(
  "statement", "context", "quotes", "sources",
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

-- Triggers keep the index in the same transaction as every write, whatever
-- code path makes it.
CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "ClaimSearch" ("rowid", "statement", "context", "quotes", "sources")
    SELECT "id", "statement", "context", "quotes", "sources" FROM "ClaimSearchDoc" WHERE "id" = NEW."id";
END;

CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE OF "statement", "context" ON "Claim" BEGIN
  DELETE FROM "ClaimSearch" WHERE "rowid" = NEW."id";
  INSERT INTO "ClaimSearch" ("rowid", "statement", "context", "quotes", "sources")
    SELECT "id", "statement", "context", "quotes", "sources" FROM "ClaimSearchDoc" WHERE "id" = NEW."id";
END;

CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim" BEGIN
  DELETE FROM "ClaimSearch" WHERE "rowid" = OLD."id";
END;

CREATE TRIGGER "ClaimSearch_evidence_insert" AFTER INSERT ON "Evidence" BEGIN
  DELETE FROM "ClaimSearch" WHERE "rowid" = NEW."claimId";
  INSERT INTO "ClaimSearch" ("rowid", "statement", "context", "quotes", "sources")
    SELECT "id", "statement", "context", "quotes", "sources" FROM "ClaimSearchDoc" WHERE "id" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_evidence_update" AFTER UPDATE ON "Evidence" BEGIN
  DELETE FROM "ClaimSearch" WHERE "rowid" IN (OLD."claimId", NEW."claimId");
  INSERT INTO "ClaimSearch" ("rowid", "statement", "context", "quotes", "sources")
    SELECT "id", "statement", "context", "quotes", "sources" FROM "ClaimSearchDoc" WHERE "id" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "ClaimSearch_evidence_delete" AFTER DELETE ON "Evidence" BEGIN
  DELETE FROM "ClaimSearch" WHERE "rowid" = OLD."claimId";
  INSERT INTO "ClaimSearch" ("rowid", "statement", "context", "quotes", "sources")
    SELECT "id", "statement", "context", "quotes", "sources" FROM "ClaimSearchDoc" WHERE "id" = OLD."claimId";
END;

CREATE TRIGGER "ClaimSearch_source_title" AFTER UPDATE OF "title" ON "Source" BEGIN
  DELETE FROM "ClaimSearch" WHERE "rowid" IN (SELECT "claimId" FROM "Evidence" WHERE "sourceId" = NEW."id");
  INSERT INTO "ClaimSearch" ("rowid", "statement", "context", "quotes", "sources")
    SELECT "id", "statement", "context", "quotes", "sources" FROM "ClaimSearchDoc"
    WHERE "id" IN (SELECT "claimId" FROM "Evidence" WHERE "sourceId" = NEW."id");
END;

-- The names of each entity (its name and every alias), so a search word is
-- matched to the people and organisations it names without loading them all.
CREATE VIEW "EntityNameDoc" AS
SELECT
  n."id" AS "id",
  n."name" || ' ' || COALESCE((SELECT group_concat(a."alias", ' ') FROM "EntityAlias" a WHERE a."entityId" = n."id"), '') AS "names"
FROM "Entity" n;

CREATE VIRTUAL TABLE "EntityNameSearch" USING fts5(
  "names",
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);

CREATE TRIGGER "EntityNameSearch_entity_insert" AFTER INSERT ON "Entity" BEGIN
  INSERT INTO "EntityNameSearch" ("rowid", "names") SELECT "id", "names" FROM "EntityNameDoc" WHERE "id" = NEW."id";
END;

CREATE TRIGGER "EntityNameSearch_entity_update" AFTER UPDATE OF "name" ON "Entity" BEGIN
  DELETE FROM "EntityNameSearch" WHERE "rowid" = NEW."id";
  INSERT INTO "EntityNameSearch" ("rowid", "names") SELECT "id", "names" FROM "EntityNameDoc" WHERE "id" = NEW."id";
END;

CREATE TRIGGER "EntityNameSearch_entity_delete" AFTER DELETE ON "Entity" BEGIN
  DELETE FROM "EntityNameSearch" WHERE "rowid" = OLD."id";
END;

CREATE TRIGGER "EntityNameSearch_alias_insert" AFTER INSERT ON "EntityAlias" BEGIN
  DELETE FROM "EntityNameSearch" WHERE "rowid" = NEW."entityId";
  INSERT INTO "EntityNameSearch" ("rowid", "names") SELECT "id", "names" FROM "EntityNameDoc" WHERE "id" = NEW."entityId";
END;

CREATE TRIGGER "EntityNameSearch_alias_update" AFTER UPDATE ON "EntityAlias" BEGIN
  DELETE FROM "EntityNameSearch" WHERE "rowid" IN (OLD."entityId", NEW."entityId");
  INSERT INTO "EntityNameSearch" ("rowid", "names") SELECT "id", "names" FROM "EntityNameDoc" WHERE "id" IN (OLD."entityId", NEW."entityId");
END;

CREATE TRIGGER "EntityNameSearch_alias_delete" AFTER DELETE ON "EntityAlias" BEGIN
  DELETE FROM "EntityNameSearch" WHERE "rowid" = OLD."entityId";
  INSERT INTO "EntityNameSearch" ("rowid", "names") SELECT "id", "names" FROM "EntityNameDoc" WHERE "id" = OLD."entityId";
END;

INSERT INTO "EntityNameSearch" ("rowid", "names") SELECT "id", "names" FROM "EntityNameDoc";

-- Claims recorded before this migration.
INSERT INTO "ClaimSearch" ("rowid", "statement", "context", "quotes", "sources")
  SELECT "id", "statement", "context", "quotes", "sources" FROM "ClaimSearchDoc";

-- Lists filter and sort on these.
CREATE INDEX "Claim_confidence_id_idx" ON "Claim"("confidence", "id");
CREATE INDEX "Claim_occurredAt_id_idx" ON "Claim"("occurredAt", "id");
