-- Attempts counted by the Postgres-backed rate limiter (login password checks): one row
-- per attempt inside the window, shared by every console replica.
CREATE TABLE "rate_limit_events" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_events_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "rate_limit_events_bucket_key_at_idx" ON "rate_limit_events"("bucket", "key", "at");
