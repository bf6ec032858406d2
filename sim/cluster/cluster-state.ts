import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { ClusterCerts } from "../certs/create-cluster-certs";
import type { EdgexDeployment, SimService } from "../edgex-contract";
import { RbacAuthorizer } from "../rbac/rbac-authorizer";
import { ObjectStore } from "../store/object-store";
import { ResourceRegistry } from "../store/resource-registry";
import type { TimerHeap } from "../store/timer-heap";
import type { AuditEntry, ClusterFaults } from "../types";

/** Options shared by every cluster of one simulator. */
export interface SimRuntime {
  timers: TimerHeap;
  agentImage: string;
  agentCommand: string[];
  crashLoopBaseMs: number;
  podStartMs: number;
  leaseRenewMs: number;
  seed: number;
  /** Root directory for per-pod filesystems of agent processes. */
  podDirRoot: string;
  /** RBAC enforced (default). Off only for benchmarks that measure the simulator without it. */
  rbac: boolean;
  /** One CA and serving certificate for every cluster (benchmarks: start-up without a key pair per cluster). */
  sharedCerts?: Promise<ClusterCerts>;
}

/** Identity of an authenticated request. */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

/** A hook that cluster components register to react to shutdown. */
export type StopHook = () => void | Promise<void>;

const AUDIT_SIZE = 2000;

/** Everything one simulated cluster holds; behaviour lives in the modules that take it. */
export class ClusterState {
  readonly store: ObjectStore;
  readonly rbac: RbacAuthorizer;
  readonly registry = new ResourceRegistry();
  readonly adminToken = randomBytes(24).toString("base64url");
  readonly tokens = new Map<string, UserInfo>();
  readonly services = new Map<string, SimService>();
  readonly stopHooks: StopHook[] = [];
  readonly reconcileQueue = new Map<string, () => void>();
  readonly auditLog: AuditEntry[] = [];
  /** Open long-running answers (watches, log follows): cut by faults and on stop. */
  readonly streams = new Set<ServerResponse>();
  edgex?: EdgexDeployment;
  faults: ClusterFaults = {};
  port = 0;
  /** Set while a scenario populates the cluster: the kubelet skips straight to Running. */
  bootstrapping = false;
  /** Clock of the bootstrap (objects look days old); undefined = wall clock. */
  bootClockMs?: number;
  private drainScheduled = false;
  private ipCounter = 10;
  private stopped = false;

  constructor(
    readonly name: string,
    /** gitVersion served at /version; a system-upgrade Plan moves it once every server runs the new one. */
    public version: string,
    readonly certs: ClusterCerts,
    readonly rt: SimRuntime,
    historySize: number,
    readonly index: number,
  ) {
    this.store = new ObjectStore(historySize);
    this.rbac = new RbacAuthorizer(this.store);
    this.tokens.set(this.adminToken, { username: "system:admin", groups: ["system:masters", "system:authenticated"] });
  }

  /** Current time of this cluster (ms). */
  now(): number {
    return this.bootClockMs ?? Date.now();
  }

  isStopped(): boolean {
    return this.stopped;
  }

  markStopped(): void {
    this.stopped = true;
  }

  /** Allocates a pod IP from 10.42.0.0/16 (k3s' default cluster CIDR). */
  nextPodIp(): string {
    this.ipCounter += 1;
    return `10.42.${(this.ipCounter >> 8) & 255}.${this.ipCounter & 255}`;
  }

  /** Queues a controller reconcile (deduplicated by key) for the next tick. */
  enqueue(key: string, fn: () => void): void {
    if (this.stopped) return;
    this.reconcileQueue.set(key, fn);
    if (this.bootstrapping || this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  /** Runs queued reconciles until none are left (bounded, to survive a feedback loop). */
  drain(): void {
    for (let round = 0; round < 50 && this.reconcileQueue.size > 0; round++) {
      const batch = [...this.reconcileQueue.values()];
      this.reconcileQueue.clear();
      for (const fn of batch) {
        try {
          fn();
        } catch (err) {
          console.error(`sim ${this.name}: reconcile failed:`, err);
        }
      }
    }
  }

  recordAudit(e: AuditEntry): void {
    this.auditLog.push(e);
    if (this.auditLog.length > AUDIT_SIZE) this.auditLog.splice(0, this.auditLog.length - AUDIT_SIZE);
  }
}
