// Helpers of the fleet integration tests (not a test file itself).
import * as k8s from "@kubernetes/client-node";
import type { SimCluster } from "@/sim";
import { prisma } from "@/lib/server/db/prisma";
import { isCrashLoopingStatus, isFailingPodStatus } from "@/lib/shared/fleet/project-objects";
import { nodeStatus, podStatus } from "@/lib/shared/kube";
import type { FleetConfig } from "@/lib/server/fleet/fleet-config";

export const TEST_FLEET_CONFIG: FleetConfig = {
  intervalMs: 1000,
  mode: "watch",
  concurrency: 4,
  timeoutMs: 2000,
  historyEveryMs: 60_000,
  retentionMs: 7 * 86_400_000,
  pushIntervalMs: 1000,
};

/** A client-node API client talking to the simulated cluster directly (not through the tunnel). */
export function directKubeConfig(c: SimCluster): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: c.name, server: c.server, caData: Buffer.from(c.caPem).toString("base64") }],
    users: [{ name: c.name, token: c.token }],
    contexts: [{ name: c.name, cluster: c.name, user: c.name }],
    currentContext: c.name,
  });
  return kc;
}

/** What kubectl would show for a cluster right now, counted the collector's way. */
export async function directCounts(c: SimCluster) {
  const kc = directKubeConfig(c);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const [pods, nodes, deployments] = await Promise.all([core.listPodForAllNamespaces(), core.listNode(), apps.listDeploymentForAllNamespaces()]);
  const statuses = pods.items.map((p) => podStatus(p));
  return {
    nodesReady: nodes.items.filter((n) => nodeStatus(n).startsWith("Ready")).length,
    nodesTotal: nodes.items.length,
    podsTotal: pods.items.length,
    podsRunning: pods.items.filter((p) => p.status?.phase === "Running").length,
    podsSucceeded: pods.items.filter((p) => p.status?.phase === "Succeeded").length,
    podsFailing: statuses.filter(isFailingPodStatus).length,
    podsCrashLooping: statuses.filter(isCrashLoopingStatus).length,
    deploymentsTotal: deployments.items.length,
    deploymentsUnavailable: deployments.items.filter((d) => (d.status?.availableReplicas ?? 0) < (d.spec?.replicas ?? 1)).length,
  };
}

export async function snapshotCounts(clusterId: string) {
  const s = await prisma.fleetSnapshot.findUnique({ where: { clusterId } });
  if (!s) return null;
  return {
    nodesReady: s.nodesReady,
    nodesTotal: s.nodesTotal,
    podsTotal: s.podsTotal,
    podsRunning: s.podsRunning,
    podsSucceeded: s.podsSucceeded,
    podsFailing: s.podsFailing,
    podsCrashLooping: s.podsCrashLooping,
    deploymentsTotal: s.deploymentsTotal,
    deploymentsUnavailable: s.deploymentsUnavailable,
  };
}

/** Polls `check` until it returns a truthy value (bounded: there is no event to await). */
export async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}
