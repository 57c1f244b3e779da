-- What the source gives of a claim's time: an instant, or a part of a day or
-- a whole day, in the zone of its wording. Existing claims stay instants in
-- UTC, which is what they were stored as.
ALTER TABLE "Claim" ADD COLUMN "occurredPrecision" TEXT NOT NULL DEFAULT 'instant';
ALTER TABLE "Claim" ADD COLUMN "occurredZone" TEXT NOT NULL DEFAULT 'UTC';
