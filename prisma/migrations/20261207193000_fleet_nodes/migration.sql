-- Hardware inventory (issue 13): one row per node of every collected cluster.
ALTER TABLE "fleet_snapshots" ADD COLUMN "hardwareHash" TEXT;

CREATE TABLE "fleet_nodes" (
    "clusterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "architecture" TEXT NOT NULL,
    "operatingSystem" TEXT NOT NULL,
    "osImage" TEXT NOT NULL,
    "kernelVersion" TEXT NOT NULL,
    "containerRuntime" TEXT NOT NULL,
    "kubeletVersion" TEXT NOT NULL,
    "roles" TEXT[],
    "cpuCapacity" TEXT NOT NULL,
    "memoryCapacity" TEXT NOT NULL,
    "cpuAllocatable" TEXT NOT NULL,
    "memoryAllocatable" TEXT NOT NULL,
    "extended" JSONB NOT NULL DEFAULT '{}',
    "resources" TEXT[],
    "accelerators" INTEGER NOT NULL DEFAULT 0,
    "taints" JSONB NOT NULL DEFAULT '[]',
    "realtime" BOOLEAN NOT NULL DEFAULT false,
    "ready" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fleet_nodes_pkey" PRIMARY KEY ("clusterId","name")
);

CREATE INDEX "fleet_nodes_architecture_idx" ON "fleet_nodes"("architecture");
