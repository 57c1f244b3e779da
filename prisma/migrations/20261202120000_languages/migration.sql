-- The interface language an account chose, and the language of an evidence quote.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
ALTER TABLE "Evidence" ADD COLUMN "language" TEXT;
