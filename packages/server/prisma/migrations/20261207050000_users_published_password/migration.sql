-- Accounts that still have the published demo password: on a node reachable from the network
-- they must change it before anything else.
ALTER TABLE "users" ADD COLUMN "password_published" BOOLEAN NOT NULL DEFAULT false;
