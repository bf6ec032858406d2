import type { EdgexFaults } from "./edgex-contract";

/** Per-cluster definition for startSimulator. */
export interface ClusterSpec {
  name: string;
  /** Scenarios to combine: k3s, k3s-ha, kubeedge, edgex. Default: ["k3s"]. */
  scenarios?: string[];
  /** gitVersion served at /version; must be 1.27–1.33 for the kubectl dispatcher. */
  version?: string;
  /** Extra worker (agent) nodes. */
  agents?: number;
  /** Extra demo pods in namespace "default", to reach a target pod count. */
  extraPods?: number;
  faults?: ClusterFaults;
}

/** Faults switchable at runtime per cluster. */
export interface ClusterFaults {
  /** Added before every API answer. */
  latencyMs?: number;
  /** Fraction 0..1 of API requests answered with an error. */
  errorRate?: number;
  /** Codes drawn for errorRate (default [500, 503, 429]). */
  errorCodes?: number[];
  /** Watch and log-follow connections are cut this long after they start. */
  dropWatchesAfterMs?: number;
  /** Stop answering: connections accepted then left hanging; agent processes SIGSTOPped. */
  partition?: boolean;
  /** Nodes whose kubelet stops heartbeating (Ready=Unknown, unreachable taints). */
  nodeNotReady?: string[];
  /** Nodes whose system-upgrade Job fails (the k3s-upgrade container exits 1, no version change). */
  upgradeFailNodes?: string[];
  /** Faults of the in-process EdgeX services. */
  edgex?: EdgexFaults;
}

/** One line of the simulated audit trail. */
export interface AuditEntry {
  time: string;
  user: string;
  groups: string[];
  impersonatedUser?: string;
  impersonatedGroups?: string[];
  verb: string;
  method: string;
  requestURI: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  code: number;
}

/** A running simulated cluster. */
export interface SimCluster {
  name: string;
  /** https URL kubectl uses (https://127.0.0.1:<port>). */
  server: string;
  port: number;
  caPem: string;
  /** Admin bearer token (system:admin, group system:masters). */
  token: string;
  kubeconfigPath?: string;
  /** kubeconfig YAML text for this cluster. */
  kubeconfig(): string;
  setFaults(f: ClusterFaults): void;
  faults(): ClusterFaults;
  audit(): AuditEntry[];
}

/** A running simulator. */
export interface Simulator {
  clusters: SimCluster[];
  /** Loopback-only admin endpoint, e.g. http://127.0.0.1:40123. */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface SimulatorOptions {
  clusters: number | ClusterSpec[];
  /** Scenarios for numbered clusters (default ["k3s"]). */
  scenarios?: string[];
  /** 0 = an ephemeral port per cluster; N = cluster i listens on N+i. */
  port?: number;
  adminPort?: number;
  kubeconfigDir?: string;
  agentCommand?: string[];
  agentImage?: string;
  crashLoopBaseMs?: number;
  seed?: number;
  /** Name prefix for numbered clusters (default "sim-"). */
  namePrefix?: string;
  /** Faults applied to every cluster at start. */
  faults?: ClusterFaults;
  /** Watch history per cluster (default 256 events). */
  historySize?: number;
  /** Pause of the simulated kubelet between pod phases (default 300 ms). */
  podStartMs?: number;
  /** Interval of node lease renewals (default 10 s). */
  leaseRenewMs?: number;
  /** RBAC enforcement (default true). `false` is for benchmarks only: tests, e2e and the demo never turn it off. */
  rbac?: boolean;
  /** Agent nodes of each numbered cluster (default 2; 0 = a single-node k3s, the cheapest cluster). */
  agents?: number;
  /**
   * One CA and serving certificate shared by every cluster instead of one per cluster. For
   * benchmarks of thousands of clusters only: generating a key pair per cluster dominates
   * their start-up on a loaded machine. Each cluster still has its own port and tokens.
   */
  sharedCerts?: boolean;
}
