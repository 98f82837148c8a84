-- Sign-in throttling lives in Redis (src/auth/signInThrottle.ts) and shuts out an address, never
-- an account: the account lockout's columns were no longer written or read.
ALTER TABLE "users" DROP COLUMN "failed_login_count",
DROP COLUMN "locked_until";
