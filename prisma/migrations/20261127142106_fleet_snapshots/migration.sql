-- pg_trgm (a trusted extension: any database owner may create it) backs the substring
-- search of fleet_search_entries. Added by hand: the schema does not enable the
-- postgresqlExtensions preview feature.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "fleet_snapshots" (
    "clusterId" TEXT NOT NULL,
    "collectedAt" TIMESTAMP(3) NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "nodesReady" INTEGER NOT NULL,
    "nodesTotal" INTEGER NOT NULL,
    "podsTotal" INTEGER NOT NULL,
    "podsRunning" INTEGER NOT NULL,
    "podsPending" INTEGER NOT NULL,
    "podsSucceeded" INTEGER NOT NULL,
    "podsFailed" INTEGER NOT NULL,
    "podsUnknown" INTEGER NOT NULL,
    "podsFailing" INTEGER NOT NULL,
    "podsCrashLooping" INTEGER NOT NULL,
    "deploymentsTotal" INTEGER NOT NULL,
    "deploymentsUnavailable" INTEGER NOT NULL,
    "warningEvents" INTEGER NOT NULL,
    "kubernetesVersion" TEXT,
    "edgexServicesUp" INTEGER,
    "edgexServicesTotal" INTEGER,
    "edgexDevicesUp" INTEGER,
    "edgexDevicesTotal" INTEGER,
    "edgexLastReadingAt" TIMESTAMP(3),
    "details" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "searchHash" TEXT,

    CONSTRAINT "fleet_snapshots_pkey" PRIMARY KEY ("clusterId")
);

-- CreateTable
CREATE TABLE "fleet_snapshot_history" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "nodesReady" INTEGER NOT NULL,
    "nodesTotal" INTEGER NOT NULL,
    "podsFailing" INTEGER NOT NULL,
    "podsCrashLooping" INTEGER NOT NULL,
    "deploymentsUnavailable" INTEGER NOT NULL,
    "warningEvents" INTEGER NOT NULL,
    "edgexServicesDown" INTEGER,

    CONSTRAINT "fleet_snapshot_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fleet_alerts" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "severity" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "since" TIMESTAMP(3) NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "ackedAt" TIMESTAMP(3),
    "ackedById" TEXT,
    "ackedByName" TEXT,

    CONSTRAINT "fleet_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fleet_webhook_settings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT,
    "secret" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByName" TEXT,
    "lastDeliveryAt" TIMESTAMP(3),
    "lastDeliveryStatus" TEXT,
    "lastDeliveryError" TEXT,

    CONSTRAINT "fleet_webhook_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fleet_search_entries" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,

    CONSTRAINT "fleet_search_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "fleet_snapshot_history_clusterId_at_idx" ON "fleet_snapshot_history"("clusterId", "at");

-- CreateIndex
CREATE INDEX "fleet_snapshot_history_at_idx" ON "fleet_snapshot_history"("at");

-- CreateIndex
CREATE UNIQUE INDEX "fleet_alerts_key_key" ON "fleet_alerts"("key");

-- CreateIndex
CREATE INDEX "fleet_alerts_resolvedAt_since_idx" ON "fleet_alerts"("resolvedAt", "since");

-- CreateIndex
CREATE INDEX "fleet_alerts_clusterId_idx" ON "fleet_alerts"("clusterId");

-- CreateIndex
CREATE INDEX "fleet_search_entries_clusterId_idx" ON "fleet_search_entries"("clusterId");

-- CreateIndex
CREATE INDEX "fleet_search_entries_text_idx" ON "fleet_search_entries" USING GIN ("text" gin_trgm_ops);

