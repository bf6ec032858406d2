import "server-only";
import { z } from "zod";
import { prisma } from "../db/prisma";
import { notifyClusterChanged } from "./cluster-change-events";

/** What an agent reports in CONTROL hello/info messages (agent/src/collect-cluster-info.ts). */
const ZAgentReportSchema = z.object({
  agentVersion: z.string().max(64).optional(),
  kubernetesVersion: z.string().max(64).optional(),
  platform: z.string().max(64).optional(),
  nodeCount: z.number().int().min(0).max(1_000_000).optional(),
  serverCount: z.number().int().min(0).max(1_000_000).optional(),
});

/** Stores an agent's report on its cluster; malformed reports are ignored field by field. */
export async function applyAgentReport(clusterId: string, message: Record<string, unknown>): Promise<void> {
  const parsed = ZAgentReportSchema.safeParse(message);
  const report = parsed.success ? parsed.data : {};
  await prisma.cluster.update({
    where: { id: clusterId },
    data: {
      agentVersion: report.agentVersion,
      kubernetesVersion: report.kubernetesVersion,
      platform: report.platform,
      nodeCount: report.nodeCount,
      serverCount: report.serverCount,
      lastSeenAt: new Date(),
    },
  });
  notifyClusterChanged([clusterId]);
}
