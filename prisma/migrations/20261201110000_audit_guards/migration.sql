-- An INSERT that conflicts with an existing event would let SQLite's REPLACE
-- resolution delete it and write another in its place: REPLACE's implicit
-- delete does not fire the DELETE trigger (unless recursive_triggers is on,
-- which is per connection, so the sqlite3 shell would not have it). This
-- trigger runs before conflicts are resolved, while the old row is still
-- there, and refuses INSERT OR REPLACE, REPLACE INTO and an upsert alike
-- (the upsert's DO UPDATE is refused by the UPDATE trigger too).
CREATE TRIGGER "AuditEvent_no_replace" BEFORE INSERT ON "AuditEvent"
WHEN EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = NEW."id" OR "hash" = NEW."hash")
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only: INSERT over an existing event refused');
END;

-- The last verification of the chain, so /audit shows it without walking
-- every event. One row: the CHECK refuses a second.
CREATE TABLE "AuditVerification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1 CHECK ("id" = 1),
    "ok" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "lastId" INTEGER NOT NULL,
    "head" TEXT NOT NULL,
    "firstBadEvent" INTEGER,
    "verifiedAt" DATETIME NOT NULL,
    "fullAt" DATETIME NOT NULL
);
