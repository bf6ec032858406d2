-- Bundles (docs/BUNDLES.md): named YAML bundles, immutable revisions, and one row per
-- bundle x cluster with its wave and state, so a restart mid-rollout loses nothing.
-- CreateEnum
CREATE TYPE "BundleRolloutStatus" AS ENUM ('progressing', 'paused', 'completed', 'aborted');

-- CreateEnum
CREATE TYPE "BundleDeploymentState" AS ENUM ('Waiting', 'Offline', 'Applying', 'NotReady', 'Ready', 'Failed', 'Drifted');

-- CreateTable
CREATE TABLE "bundles" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clusterSelector" TEXT,
    "clusterIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rollout" JSONB NOT NULL,
    "prune" BOOLEAN NOT NULL DEFAULT true,
    "targetRevision" INTEGER NOT NULL,
    "status" "BundleRolloutStatus" NOT NULL DEFAULT 'progressing',
    "statusReason" TEXT,
    "wave" INTEGER NOT NULL DEFAULT 0,
    "waveReadyAt" TIMESTAMP(3),
    "rolloutStartedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "bundles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bundle_revisions" (
    "id" TEXT NOT NULL,
    "bundleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "yaml" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bundle_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bundle_deployments" (
    "bundleId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "wave" INTEGER NOT NULL,
    "state" "BundleDeploymentState" NOT NULL DEFAULT 'Waiting',
    "message" TEXT,
    "appliedRevision" INTEGER,
    "appliedAt" TIMESTAMP(3),
    "appliedObjects" JSONB NOT NULL DEFAULT '[]',
    "targeted" BOOLEAN NOT NULL DEFAULT true,
    "stateSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bundle_deployments_pkey" PRIMARY KEY ("bundleId","clusterId")
);

-- CreateIndex
CREATE UNIQUE INDEX "bundles_name_key" ON "bundles"("name");

-- CreateIndex
CREATE UNIQUE INDEX "bundle_revisions_bundleId_number_key" ON "bundle_revisions"("bundleId", "number");

-- CreateIndex
CREATE INDEX "bundle_deployments_clusterId_idx" ON "bundle_deployments"("clusterId");

-- CreateIndex
CREATE INDEX "bundle_deployments_bundleId_state_idx" ON "bundle_deployments"("bundleId", "state");

-- AddForeignKey
ALTER TABLE "bundle_revisions" ADD CONSTRAINT "bundle_revisions_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "bundles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bundle_deployments" ADD CONSTRAINT "bundle_deployments_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "bundles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bundle_deployments" ADD CONSTRAINT "bundle_deployments_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

