import "server-only";
import type { TClusterHealth } from "@/lib/shared/fleet/fleet.schema";
import { projectDeployment, projectEvent, projectNode, projectPod, type DeploymentProjection, type EventProjection, type NodeProjection, type PodProjection } from "@/lib/shared/fleet/project-objects";
import { summarizeHealth } from "@/lib/shared/fleet/summarize-health";
import { nodeHardware, type HardwareNodeLike } from "@/lib/shared/inventory/node-hardware";
import type { TNodeHardware } from "@/lib/shared/inventory/inventory.schema";
import type { EdgexSummaryResult } from "./edgex-summary-source";
import { getKubeVersion } from "../k8s/get-kube-version";
import { CollectedList } from "./collected-list";

/**
 * Everything the collector knows about one Active cluster: its pods, nodes, deployments and
 * Warning events (the explorer's shared informers, or relisted each pass in poll mode — see
 * CollectedList), its version, and the last EdgeX summary. Lives while the cluster is Active
 * and connected.
 */
export class ClusterHealthSource {
  readonly pods: CollectedList<PodProjection>;
  readonly nodes: CollectedList<NodeProjection & { hardware: TNodeHardware }>;
  readonly deployments: CollectedList<DeploymentProjection>;
  readonly warnings: CollectedList<EventProjection>;
  kubernetesVersion: string | null = null;
  edgex: EdgexSummaryResult | null = null;
  /** Outcome of this pass's probe (watch mode: GET /version; poll mode: the relists). */
  probeOk = false;
  probeError: string | null = null;

  constructor(
    readonly clusterId: string,
    private readonly timeoutMs: number,
  ) {
    const opts = { clusterId, timeoutMs };
    this.pods = new CollectedList({ ...opts, resource: "pods", project: projectPod });
    this.nodes = new CollectedList({ ...opts, resource: "nodes", project: (n: HardwareNodeLike) => ({ ...projectNode(n), hardware: nodeHardware(n) }) });
    this.deployments = new CollectedList({ ...opts, resource: "deployments", project: projectDeployment });
    this.warnings = new CollectedList({ ...opts, resource: "events", fieldSelector: "type=Warning", project: projectEvent });
  }

  private get reflectors(): CollectedList<unknown>[] {
    return [this.pods, this.nodes, this.deployments, this.warnings] as CollectedList<unknown>[];
  }

  /** Reads /version (k3s reports e.g. v1.31.4+k3s1). */
  async readVersion(): Promise<void> {
    const v = await getKubeVersion(this.clusterId, null, { timeoutMs: this.timeoutMs, reserved: true });
    this.kubernetesVersion = v.gitVersion ?? null;
  }

  /** Watch mode: joins the shared informers of all four collections (resolves after their first lists). */
  async startWatching(): Promise<void> {
    await Promise.all(this.reflectors.map((r) => r.start()));
  }

  /**
   * Proves the cluster answers right now. A watch on a hung apiserver just goes quiet
   * (bookmarks come about once a minute), so each pass makes one tiny call — /version in
   * watch mode, which also notices upgrades — or relists everything in poll mode.
   */
  async probe(mode: "watch" | "poll"): Promise<void> {
    this.probeOk = false;
    try {
      if (mode === "poll") await this.refreshAll();
      else await this.readVersion();
      this.probeOk = true;
      this.probeError = null;
    } catch (error) {
      this.probeError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Poll mode: relists all four collections now. */
  async refreshAll(): Promise<void> {
    if (!this.kubernetesVersion) await this.readVersion();
    await Promise.all(this.reflectors.map((r) => r.refresh()));
  }

  /** True when every cache is current. */
  get synced(): boolean {
    return this.reflectors.every((r) => r.synced);
  }

  /** Why the numbers are not current: the probe's error, else the first unsynced cache's. */
  get lastError(): string | null {
    return this.probeError ?? this.reflectors.map((r) => r.lastError).find((e) => e) ?? null;
  }

  /** Requests made to the cluster so far (load figures). */
  get requests(): number {
    return this.reflectors.reduce((n, r) => n + r.requests, 0);
  }

  summarize(now: number): TClusterHealth {
    const edgex = this.edgex;
    return summarizeHealth({
      pods: this.pods.values(),
      nodes: this.nodes.values(),
      deployments: this.deployments.values(),
      warningEvents: this.warnings.values(),
      kubernetesVersion: this.kubernetesVersion,
      edgex: edgex ? { servicesUp: edgex.servicesUp, servicesTotal: edgex.servicesTotal, devicesUp: edgex.devicesUp, devicesTotal: edgex.devicesTotal, lastReadingAt: edgex.lastReadingAt } : null,
      edgexServicesDown: edgex?.servicesDown,
      now,
    });
  }

  stop(): void {
    for (const r of this.reflectors) r.stop();
  }
}
