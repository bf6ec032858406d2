// Pure alert rules of the fleet: the collector feeds them the fleet's last-known state after
// every pass and reconciles the result with the open alerts in the database. No I/O here, so
// every rule is tested on plain data (alert-rules.test.ts).
import type { TClusterState } from "../clusters/clusters.schema";
import type { TEdgexSummary, THealthDetails } from "./fleet.schema";
import { minorsBehind, parseKubeVersion, type KubeMinor } from "./parse-kube-version";

export const ALERT_RULES = ["cluster-unavailable", "node-not-ready", "pods-crash-looping", "edgex-service-down", "k3s-version-behind"] as const;
export type TAlertRule = (typeof ALERT_RULES)[number];
export const ALERT_SEVERITIES = ["critical", "warning", "info"] as const;
export type TAlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** An Unavailable cluster alerts only after this long (brief flaps stay quiet). */
export const UNAVAILABLE_ALERT_AFTER_MS = 60_000;
/** A cluster this many minor versions behind the fleet's newest alerts. */
export const VERSION_BEHIND_MINORS = 2;

/** What the rules read about one cluster. */
export interface AlertInputCluster {
  id: string;
  name: string;
  state: TClusterState;
  stateSince: Date;
  kubernetesVersion: string | null;
  snapshot: {
    podsCrashLooping: number;
    edgex: TEdgexSummary | null;
    details: Pick<THealthDetails, "notReadyNodes" | "crashLoopingPods" | "edgexServicesDown">;
  } | null;
}

/** An alert that should be open now. `since` null = "since it was first seen". */
export interface DesiredAlert {
  key: string;
  clusterId: string;
  rule: TAlertRule;
  subject: string;
  severity: TAlertSeverity;
  since: Date | null;
  params: Record<string, string | number>;
}

export function alertKey(clusterId: string, rule: TAlertRule, subject: string): string {
  return `${clusterId}|${rule}|${subject}`;
}

function alert(c: AlertInputCluster, rule: TAlertRule, subject: string, severity: TAlertSeverity, since: Date | null, params: Record<string, string | number>): DesiredAlert {
  return { key: alertKey(c.id, rule, subject), clusterId: c.id, rule, subject, severity, since, params: { cluster: c.name, ...params } };
}

function newestVersion(clusters: AlertInputCluster[]): KubeMinor | null {
  let newest: KubeMinor | null = null;
  for (const c of clusters) {
    const v = parseKubeVersion(c.kubernetesVersion);
    if (v && (!newest || v.major > newest.major || (v.major === newest.major && v.minor > newest.minor))) newest = v;
  }
  return newest;
}

/** Rules that read a snapshot only apply to Active clusters: an offline cluster's numbers are stale. */
function snapshotAlerts(c: AlertInputCluster): DesiredAlert[] {
  const s = c.snapshot;
  if (c.state !== "active" || !s) return [];
  const out: DesiredAlert[] = [];
  for (const node of s.details.notReadyNodes) {
    out.push(alert(c, "node-not-ready", node.name, "warning", node.since ? new Date(node.since) : null, { node: node.name }));
  }
  if (s.podsCrashLooping > 0) {
    // One alert per cluster, not per pod: a bad rollout must not page once per replica.
    out.push(alert(c, "pods-crash-looping", "", "warning", null, { count: s.podsCrashLooping, pods: s.details.crashLoopingPods.join(", ") }));
  }
  if (s.edgex && s.edgex.servicesUp < s.edgex.servicesTotal) {
    const down = s.edgex.servicesTotal - s.edgex.servicesUp;
    out.push(alert(c, "edgex-service-down", "", "warning", null, { down, total: s.edgex.servicesTotal, services: s.details.edgexServicesDown.join(", ") }));
  }
  return out;
}

/**
 * Every alert that should be open for the fleet at `now`:
 * - cluster Unavailable for more than a minute (critical, since the state change);
 * - each NotReady node of an Active cluster (warning, since its Ready transition);
 * - crash-looping pods in an Active cluster (warning, one per cluster);
 * - EdgeX services down in an Active cluster (warning);
 * - Kubernetes/k3s minor version ≥ 2 behind the fleet's newest (info).
 */
export function evaluateAlertRules(clusters: AlertInputCluster[], now: Date): DesiredAlert[] {
  const out: DesiredAlert[] = [];
  const newest = newestVersion(clusters);
  for (const c of clusters) {
    if (c.state === "unavailable" && now.getTime() - c.stateSince.getTime() > UNAVAILABLE_ALERT_AFTER_MS) {
      out.push(alert(c, "cluster-unavailable", "", "critical", c.stateSince, {}));
    }
    out.push(...snapshotAlerts(c));
    const version = parseKubeVersion(c.kubernetesVersion);
    if (version && newest) {
      const behind = minorsBehind(version, newest);
      if (behind >= VERSION_BEHIND_MINORS) {
        out.push(alert(c, "k3s-version-behind", "", "info", null, { version: c.kubernetesVersion ?? "", newest: `v${newest.major}.${newest.minor}`, behind: Number.isFinite(behind) ? behind : 99 }));
      }
    }
  }
  return out;
}
