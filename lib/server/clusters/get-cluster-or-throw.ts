import "server-only";
import type { Cluster } from "@/lib/generated/prisma/client";
import { prisma, type TransactionClient } from "../db/prisma";
import { notFound } from "../http/api-error";

export async function getClusterOrThrow(id: string, tx: TransactionClient = prisma): Promise<Cluster> {
  const cluster = await tx.cluster.findUnique({ where: { id } });
  if (!cluster) throw notFound("Cluster");
  return cluster;
}
