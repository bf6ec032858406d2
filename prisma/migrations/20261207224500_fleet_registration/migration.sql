-- Fleet lifecycle (issue 20): fleet tokens for self-registration, the registrations they
-- admitted (approval queue, idempotent by machine id), and clusters' version history.
CREATE TYPE "FleetRegistrationState" AS ENUM ('pending', 'approved', 'rejected');

CREATE TABLE "fleet_tokens" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "labelTemplate" TEXT NOT NULL DEFAULT '',
    "nameTemplate" TEXT NOT NULL DEFAULT '${hostname}',
    "requireApproval" BOOLEAN NOT NULL DEFAULT true,
    "maxUses" INTEGER,
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,

    CONSTRAINT "fleet_tokens_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "fleet_tokens_tokenHash_key" ON "fleet_tokens"("tokenHash");

CREATE TABLE "fleet_registrations" (
    "id" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "fleetTokenId" TEXT,
    "state" "FleetRegistrationState" NOT NULL DEFAULT 'pending',
    "nodeName" TEXT NOT NULL,
    "arch" TEXT NOT NULL,
    "k3sVersion" TEXT NOT NULL,
    "agentVersion" TEXT,
    "reportedLabels" JSONB NOT NULL DEFAULT '{}',
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "clusterId" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedByName" TEXT,

    CONSTRAINT "fleet_registrations_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "fleet_registrations_machineId_key" ON "fleet_registrations"("machineId");
CREATE UNIQUE INDEX "fleet_registrations_clusterId_key" ON "fleet_registrations"("clusterId");
CREATE INDEX "fleet_registrations_state_idx" ON "fleet_registrations"("state");

ALTER TABLE "fleet_registrations" ADD CONSTRAINT "fleet_registrations_fleetTokenId_fkey" FOREIGN KEY ("fleetTokenId") REFERENCES "fleet_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "fleet_registrations" ADD CONSTRAINT "fleet_registrations_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "cluster_version_events" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "fromVersion" TEXT,
    "toVersion" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cluster_version_events_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "cluster_version_events_clusterId_at_idx" ON "cluster_version_events"("clusterId", "at");

ALTER TABLE "cluster_version_events" ADD CONSTRAINT "cluster_version_events_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
