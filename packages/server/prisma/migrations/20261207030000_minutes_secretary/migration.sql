-- The minutes name their secretary as a person (Decree 30), not the account that typed them.
ALTER TABLE "meeting_minutes" ADD COLUMN "secretary_name" TEXT NOT NULL DEFAULT '';
