import { projectDeployment, projectEvent, projectNode, projectPod, type DeploymentProjection, type EventProjection, type NodeProjection, type PodProjection } from "@/lib/shared/fleet/project-objects";
import type { THealthParts } from "@/lib/shared/fleet/health-push.schema";
import { SEARCH_ITEMS_CAP, searchItemsOf } from "@/lib/shared/fleet/search-entries";
import { summarizeHealth } from "@/lib/shared/fleet/summarize-health";
import type { TNodeHardware } from "@/lib/shared/inventory/inventory.schema";
import { nodeHardware, type HardwareNodeLike } from "@/lib/shared/inventory/node-hardware";
import { KubeReflector } from "./kube-reflector";
import type { KubeTarget } from "./load-kube-target";
import { requestKube } from "./request-kube";

/** How often the agent re-reads /version (k3s upgrades) and recounts aging warning events. */
const VERSION_EVERY_MS = 60_000;

export interface ClusterHealthWatch {
  /** The current summary, or undefined until every cache has listed once. */
  current(now?: number): THealthParts | undefined;
  stop(): void;
}

/**
 * The agent's own watch caches of its cluster — pods, nodes, deployments and Warning events,
 * as compact projections (the same functions the console's collector uses) — and its version.
 * `onChange` runs (coalesced to once per `coalesceMs`) whenever a cache changed, and at least
 * every minute (warning events age out of the 15-minute window).
 */
export function watchClusterHealth(target: KubeTarget, onChange: () => void, coalesceMs = 100): ClusterHealthWatch {
  let pending: NodeJS.Timeout | undefined;
  const changed = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      onChange();
    }, coalesceMs);
  };
  const pods = new KubeReflector<PodProjection>(target, "/api/v1/pods", "", projectPod, changed);
  const nodes = new KubeReflector<NodeProjection & { hardware: TNodeHardware }>(target, "/api/v1/nodes", "", (n: HardwareNodeLike) => ({ ...projectNode(n), hardware: nodeHardware(n) }), changed);
  const deployments = new KubeReflector<DeploymentProjection>(target, "/apis/apps/v1/deployments", "", projectDeployment, changed);
  const warnings = new KubeReflector<EventProjection>(target, "/api/v1/events", "fieldSelector=type%3DWarning", projectEvent, changed);
  const reflectors = [pods, nodes, deployments, warnings];
  let version: string | null = null;
  const readVersion = async () => {
    try {
      const res = await requestKube(target, "GET", "/version", undefined, 10_000);
      const next = typeof res.body?.gitVersion === "string" ? res.body.gitVersion : null;
      if (res.status === 200 && next !== version) {
        version = next;
        changed();
      }
    } catch {
      // Kept from the last read; readiness reports a failing apiserver.
    }
  };
  void readVersion();
  const timer = setInterval(() => {
    void readVersion();
    changed();
  }, VERSION_EVERY_MS);
  for (const r of reflectors) r.start();

  return {
    current(now = Date.now()) {
      if (!reflectors.every((r) => r.synced)) return undefined;
      const health = summarizeHealth({ pods: pods.values(), nodes: nodes.values(), deployments: deployments.values(), warningEvents: warnings.values(), kubernetesVersion: version, edgex: null, now });
      const search = searchItemsOf({ pods: pods.values(), nodes: nodes.values(), deployments: deployments.values() }).slice(0, SEARCH_ITEMS_CAP);
      const hardware = [...nodes.values()].map((n) => ({ ...n.hardware, ready: n.ready })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { ...health, search, hardware };
    },
    stop() {
      clearInterval(timer);
      clearTimeout(pending);
      for (const r of reflectors) r.stop();
    },
  };
}

