-- CreateTable
CREATE TABLE "tunnel_leases" (
    "clusterId" TEXT NOT NULL,
    "replicaId" TEXT NOT NULL,
    "peerUrl" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tunnel_leases_pkey" PRIMARY KEY ("clusterId")
);

-- CreateIndex
CREATE INDEX "tunnel_leases_replicaId_idx" ON "tunnel_leases"("replicaId");
