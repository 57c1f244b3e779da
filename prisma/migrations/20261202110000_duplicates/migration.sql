-- A source's URL normalised for the duplicate check (src/sources/url.ts).
-- SQL cannot normalise a URL (host case, ports, tracking parameters, sorted
-- query), so the column starts empty: the app fills it on every write and,
-- at start, for rows written before this migration or by raw SQL.
ALTER TABLE "Source" ADD COLUMN "urlKey" TEXT;

CREATE INDEX "Source_urlKey_idx" ON "Source"("urlKey");
