-- Bundles (docs/BUNDLES.md): Git sources, saved cluster groups as targets, per-target value
-- overrides on each revision, and deletion with prune.
CREATE TABLE "cluster_groups" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "clusterSelector" TEXT,
    "clusterIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "cluster_groups_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "cluster_groups_name_key" ON "cluster_groups"("name");

ALTER TABLE "bundles"
    ADD COLUMN "groupId" TEXT,
    ADD COLUMN "gitUrl" TEXT,
    ADD COLUMN "gitRef" TEXT,
    ADD COLUMN "gitPath" TEXT,
    ADD COLUMN "gitUsername" TEXT,
    ADD COLUMN "gitSecret" TEXT,
    ADD COLUMN "gitPollSeconds" INTEGER,
    ADD COLUMN "gitCommit" TEXT,
    ADD COLUMN "gitCheckedAt" TIMESTAMP(3),
    ADD COLUMN "gitError" TEXT,
    ADD COLUMN "deletingAt" TIMESTAMP(3);
ALTER TABLE "bundles" ADD CONSTRAINT "bundles_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "cluster_groups"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "bundle_revisions"
    ADD COLUMN "values" JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN "overrides" JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN "gitCommit" TEXT;
