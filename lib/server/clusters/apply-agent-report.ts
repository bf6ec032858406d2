import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { batchCalls } from "../db/batch-calls";
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
type TAgentReport = z.infer<typeof ZAgentReportSchema>;

// Hellos of thousands of agents reconnecting at once: one UPDATE per 100 ms for all of them.
// A field the report does not carry keeps its stored value.
const writeReports = batchCalls(async (reports: { clusterId: string; report: TAgentReport; at: Date }[]): Promise<void[]> => {
  const last = new Map(reports.map((r) => [r.clusterId, r]));
  const rows = [...last.values()].map(
    ({ clusterId, report: r, at }) =>
      Prisma.sql`(${clusterId}, ${r.agentVersion ?? null}::text, ${r.kubernetesVersion ?? null}::text, ${r.platform ?? null}, ${r.nodeCount ?? null}::int, ${r.serverCount ?? null}::int, ${at}::timestamp)`,
  );
  // A version that changed is also a row of the cluster's version history (read before the update: one snapshot).
  await prisma.$executeRaw`
    WITH v(id, agent_version, kubernetes_version, platform, node_count, server_count, at) AS (VALUES ${Prisma.join(rows)}),
    history AS (
      INSERT INTO cluster_version_events ("clusterId", component, "fromVersion", "toVersion", at)
      SELECT c.id, x.component, x.from_version, x.to_version, v.at
        FROM clusters c JOIN v ON v.id = c.id
        CROSS JOIN LATERAL (VALUES ('k3s', c."kubernetesVersion", v.kubernetes_version), ('agent', c."agentVersion", v.agent_version)) AS x(component, from_version, to_version)
       WHERE x.to_version IS NOT NULL AND x.from_version IS DISTINCT FROM x.to_version
    )
    UPDATE clusters c
       SET "agentVersion" = COALESCE(v.agent_version, c."agentVersion"),
           "kubernetesVersion" = COALESCE(v.kubernetes_version, c."kubernetesVersion"),
           platform = COALESCE(v.platform, c.platform),
           "nodeCount" = COALESCE(v.node_count, c."nodeCount"),
           "serverCount" = COALESCE(v.server_count, c."serverCount"),
           "lastSeenAt" = v.at,
           "updatedAt" = v.at
      FROM v
     WHERE c.id = v.id`;
  notifyClusterChanged(last.keys());
  return reports.map(() => undefined);
}, { delayMs: 100 });

/** Stores an agent's report on its cluster (batched with other agents'); malformed reports are ignored field by field. */
export async function applyAgentReport(clusterId: string, message: Record<string, unknown>): Promise<void> {
  const parsed = ZAgentReportSchema.safeParse(message);
  await writeReports({ clusterId, report: parsed.success ? parsed.data : {}, at: new Date() });
}
