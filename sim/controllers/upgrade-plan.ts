import { createHash } from "node:crypto";
import type { KubeObject, LabelSelector, Labels } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { selectorMatches } from "../store/selectors";

// system-upgrade-controller's Plan arithmetic (rancher/system-upgrade-controller
// pkg/upgrade/plan and job): version munging, the status hash, which nodes to apply on
// next, and the per-node Job.

export const GROUP = "upgrade.cattle.io";
export const LABEL_CONTROLLER = `${GROUP}/controller`;
export const LABEL_NODE = `${GROUP}/node`;
export const LABEL_PLAN = `${GROUP}/plan`;
export const LABEL_VERSION = `${GROUP}/version`;
export const LABEL_EXCLUSIVE = `${GROUP}/exclusive`;
export const ANNOTATION_TTL = `${GROUP}/ttl-seconds-after-finished`;
export const KUBECTL_IMAGE = "rancher/kubectl:v1.30.3";

/** `plan.upgrade.cattle.io/<plan>`: the node label holding the plan hash applied to it. */
export function planLabel(plan: string): string {
  return `plan.${GROUP}/${plan}`;
}

export interface ContainerSpec { image: string; command?: string[]; args?: string[]; envs?: unknown[] }
export interface PlanSpec {
  concurrency?: number;
  nodeSelector?: LabelSelector;
  serviceAccountName?: string;
  channel?: string;
  version?: string;
  tolerations?: unknown[];
  exclusive?: boolean;
  prepare?: ContainerSpec;
  upgrade?: ContainerSpec;
  cordon?: boolean;
  drain?: { force?: boolean; ignoreDaemonSets?: boolean; deleteLocalData?: boolean; deleteEmptydirData?: boolean; timeout?: string | number; gracePeriod?: number; skipWaitForDeleteTimeout?: number; podSelector?: LabelSelector; disableEviction?: boolean };
  postCompleteLabels?: Record<string, string>;
}
export interface PlanCondition { type: string; status: string; lastUpdateTime?: string; lastTransitionTime?: string; reason?: string; message?: string }
export interface PlanStatus { conditions?: PlanCondition[]; latestVersion?: string; latestHash?: string; applying?: string[] }

export function specOf(plan: KubeObject): PlanSpec {
  return (isRecord(plan.spec) ? plan.spec : {}) as PlanSpec;
}

/** Image tags cannot carry "+": v1.33.4+k3s1 → v1.33.4-k3s1. */
export function mungeVersion(v: string): string {
  return v.replaceAll("+", "-");
}

/** SHA-224 over the latest version and service account (no secrets or digest annotation). */
export function latestHash(latestVersion: string, spec: PlanSpec): string {
  return createHash("sha224").update(latestVersion).update(spec.serviceAccountName ?? "").digest("hex");
}

/** wrangler's name.SafeConcatName: names over 63 characters are cut and suffixed with a hash. */
export function safeConcatName(...parts: string[]): string {
  const full = parts.join("-");
  if (full.length < 64) return full;
  const digest = createHash("sha256").update(full).digest("hex");
  const c = full[56] ?? "";
  return /[a-z0-9]/.test(c) ? `${full.slice(0, 57)}-${digest.slice(0, 5)}` : `${full.slice(0, 56)}-${digest.slice(0, 6)}`;
}

/** The node's kubernetes.io/hostname (what status.applying lists). */
export function nodeHostname(node: KubeObject): string {
  return node.metadata.labels?.["kubernetes.io/hostname"] ?? node.metadata.name;
}

/**
 * Nodes to apply on now: those still applying first, then candidates ordered by
 * sha256(node uid, plan uid, hash), up to `concurrency`. A missing nodeSelector selects
 * nothing; nodes already labelled with the hash (or `disabled`) are done.
 */
export function selectConcurrentNodes(plan: KubeObject, status: PlanStatus, nodes: KubeObject[]): KubeObject[] {
  const spec = specOf(plan);
  const hash = status.latestHash ?? "";
  const label = planLabel(plan.metadata.name);
  const eligible = nodes.filter((n) => {
    const l: Labels = n.metadata.labels ?? {};
    return "kubernetes.io/hostname" in l && selectorMatches(spec.nodeSelector, l) && l[label] !== hash && l[label] !== "disabled";
  });
  const applying = new Set(status.applying ?? []);
  const selected = eligible.filter((n) => applying.has(nodeHostname(n)));
  const key = (n: KubeObject): string => createHash("sha256").update(n.metadata.uid).update(plan.metadata.uid).update(hash).digest("hex");
  const candidates = eligible.filter((n) => !applying.has(nodeHostname(n))).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  for (const n of candidates) {
    if (selected.length >= (spec.concurrency ?? 0)) break;
    selected.push(n);
  }
  return selected.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

function withTag(image: string, version: string): string {
  return /:[^/]+$/.test(image) || image.includes("@") ? image : `${image}:${version}`;
}

/** The Job applying the plan on one node (paused with parallelism 0 until the node is in status.applying). */
export function upgradeJob(plan: KubeObject, status: PlanStatus, node: KubeObject, controller: string, backoffLimit: number): KubeObject {
  const spec = specOf(plan);
  const version = status.latestVersion ?? "";
  const hash = status.latestHash ?? "";
  const labels: Labels = { [LABEL_CONTROLLER]: controller, [LABEL_EXCLUSIVE]: String(Boolean(spec.exclusive)), [LABEL_NODE]: node.metadata.name, [LABEL_PLAN]: plan.metadata.name, [LABEL_VERSION]: version, [planLabel(plan.metadata.name)]: hash };
  for (const [k, v] of Object.entries(plan.metadata.labels ?? {})) if (!k.includes("cattle.io/")) labels[k] = v;
  const env = [
    { name: "SYSTEM_UPGRADE_NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
    { name: "SYSTEM_UPGRADE_POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
    { name: "SYSTEM_UPGRADE_POD_UID", valueFrom: { fieldRef: { fieldPath: "metadata.uid" } } },
    { name: "SYSTEM_UPGRADE_PLAN_NAME", value: plan.metadata.name },
    { name: "SYSTEM_UPGRADE_PLAN_LATEST_HASH", value: hash },
    { name: "SYSTEM_UPGRADE_PLAN_LATEST_VERSION", value: version },
  ];
  const mounts = [{ name: "host-root", mountPath: "/host" }, { name: "pod-info", mountPath: "/run/system-upgrade/pod", readOnly: true }];
  const container = (name: string, c: ContainerSpec, tag: boolean): Record<string, unknown> => ({ name, image: tag ? withTag(c.image, version) : c.image, imagePullPolicy: "Always", ...(c.command ? { command: c.command } : {}), ...(c.args ? { args: c.args } : {}), env, volumeMounts: mounts });
  const init: Record<string, unknown>[] = [];
  if (spec.prepare) init.push(container("prepare", spec.prepare, true));
  if (spec.drain) init.push(container("drain", { image: KUBECTL_IMAGE, args: ["drain", node.metadata.name, "--pod-selector", `!${LABEL_CONTROLLER}`, "--ignore-daemonsets", "--delete-emptydir-data", ...(spec.drain.force ? ["--force"] : [])] }, false));
  else if (spec.cordon) init.push(container("cordon", { image: KUBECTL_IMAGE, args: ["cordon", node.metadata.name] }, false));
  const applying = (status.applying ?? []).includes(nodeHostname(node));
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: safeConcatName("apply", plan.metadata.name, "on", node.metadata.name.split(".")[0] ?? node.metadata.name, "with", hash), namespace: plan.metadata.namespace, labels, annotations: { [ANNOTATION_TTL]: "900" } } as unknown as KubeObject["metadata"],
    spec: {
      podReplacementPolicy: "TerminatingOrFailed",
      backoffLimit,
      ttlSecondsAfterFinished: 900,
      completions: 1,
      parallelism: applying ? 1 : 0,
      activeDeadlineSeconds: 600,
      template: {
        metadata: { labels },
        spec: {
          hostIPC: true,
          hostPID: true,
          hostNetwork: true,
          dnsPolicy: "ClusterFirstWithHostNet",
          ...(spec.serviceAccountName ? { serviceAccountName: spec.serviceAccountName } : {}),
          affinity: {
            nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [nodeHostname(node)] }] }] } },
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: LABEL_PLAN, operator: "In", values: [plan.metadata.name] }] }, topologyKey: "kubernetes.io/hostname" }] },
          },
          tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }, ...(spec.tolerations ?? [])],
          restartPolicy: "Never",
          volumes: [{ name: "host-root", hostPath: { path: "/", type: "Directory" } }, { name: "pod-info", downwardAPI: { defaultMode: 420, items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels", apiVersion: "v1" } }, { path: "annotations", fieldRef: { fieldPath: "metadata.annotations", apiVersion: "v1" } }] } }],
          ...(init.length ? { initContainers: init } : {}),
          containers: [{ ...container("upgrade", spec.upgrade ?? { image: "" }, true), securityContext: { privileged: true, capabilities: { add: ["CAP_SYS_BOOT"] } } }],
        },
      },
    },
  };
}
