import { projectDaemonSet, projectDeployment, projectEvent, projectNode, projectPod, projectStatefulSet, type DeploymentProjection, type EventProjection, type NodeProjection, type PodProjection, type WorkloadProjection } from "@/lib/shared/fleet/project-objects";
import type { THealthCaches, THealthParts } from "@/lib/shared/fleet/health-push.schema";
import { SEARCH_ITEMS_CAP, searchItemsOf } from "@/lib/shared/fleet/search-entries";
import { summarizeHealth } from "@/lib/shared/fleet/summarize-health";
import type { TNodeHardware } from "@/lib/shared/inventory/inventory.schema";
import { nodeHardware, type HardwareNodeLike } from "@/lib/shared/inventory/node-hardware";
import { KubeReflector } from "./kube-reflector";
import type { KubeTarget } from "./load-kube-target";
import { requestKube } from "./request-kube";
import { watchEdgex } from "./watch-edgex";

/** How often the agent re-reads /version (k3s upgrades) and recounts aging warning events. */
const VERSION_EVERY_MS = 60_000;

/** Whether every cache follows the apiserver; if not, since when and why (the first failing one). */
function cachesOf(reflectors: ReadonlyArray<KubeReflector<unknown>>, names: readonly string[]): THealthCaches {
  const failing = reflectors.map((r, i) => ({ r, name: names[i] })).filter(({ r }) => !r.synced);
  if (failing.length === 0) return { current: true, since: null, reason: null };
  const since = Math.min(...failing.map(({ r }) => r.notCurrentSince ?? Date.now()));
  const first = failing[0]!;
  const reason = `${failing.map((f) => f.name).join(", ")}: ${first.r.lastError ?? "not listed"}`.slice(0, 500);
  return { current: false, since: new Date(since).toISOString(), reason };
}

export interface ClusterHealthWatch {
  /** The current summary, or undefined until every cache has listed once. */
  current(now?: number): THealthParts | undefined;
  stop(): void;
}

/**
 * The agent's own watch caches of its cluster — pods, nodes, deployments, StatefulSets,
 * DaemonSets, Warning events and EdgeX Services, as compact projections (the same functions
 * the console's collector uses) — its version and its EdgeX status (watch-edgex.ts).
 * `onChange` runs (coalesced to once per `coalesceMs`) whenever a cache changed or stopped
 * or started following the apiserver, and at least every minute (warning events age out of
 * the 15-minute window). Once every cache has listed, the summary is reported even while a
 * cache is not current — with `caches.current: false`, so the console shows it stale.
 */
export function watchClusterHealth(target: KubeTarget, onChange: () => void, opts: { edgexIntervalMs: number; coalesceMs?: number }): ClusterHealthWatch {
  const coalesceMs = opts.coalesceMs ?? 100;
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
  const statefulSets = new KubeReflector<WorkloadProjection>(target, "/apis/apps/v1/statefulsets", "", projectStatefulSet, changed);
  const daemonSets = new KubeReflector<WorkloadProjection>(target, "/apis/apps/v1/daemonsets", "", projectDaemonSet, changed);
  const warnings = new KubeReflector<EventProjection>(target, "/api/v1/events", "fieldSelector=type%3DWarning", projectEvent, changed);
  const edgex = watchEdgex(target, changed, opts.edgexIntervalMs);
  const reflectors: KubeReflector<unknown>[] = [pods, nodes, deployments, statefulSets, daemonSets, warnings, edgex.reflector];
  const names = ["pods", "nodes", "deployments", "statefulsets", "daemonsets", "events", "services"];
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
  for (const r of reflectors) if (r !== edgex.reflector) r.start();

  return {
    current(now = Date.now()) {
      if (!reflectors.every((r) => r.listed)) return undefined;
      const e = edgex.current();
      const health = summarizeHealth({
        pods: pods.values(),
        nodes: nodes.values(),
        deployments: deployments.values(),
        workloads: { statefulSets: statefulSets.values(), daemonSets: daemonSets.values() },
        warningEvents: warnings.values(),
        kubernetesVersion: version,
        edgex: e ? { servicesUp: e.servicesUp, servicesTotal: e.servicesTotal, devicesUp: e.devicesUp, devicesTotal: e.devicesTotal, lastReadingAt: e.lastReadingAt } : null,
        edgexServicesDown: e?.servicesDown,
        now,
      });
      const search = searchItemsOf({ pods: pods.values(), nodes: nodes.values(), deployments: deployments.values(), edgexDevices: e?.devices }).slice(0, SEARCH_ITEMS_CAP);
      const hardware = [...nodes.values()].map((n) => ({ ...n.hardware, ready: n.ready })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { ...health, search, hardware, caches: cachesOf(reflectors, names) };
    },
    stop() {
      clearInterval(timer);
      clearTimeout(pending);
      for (const r of reflectors) if (r !== edgex.reflector) r.stop();
      edgex.stop();
    },
  };
}

