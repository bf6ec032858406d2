// kubectl's columns for ingresses, RBAC bindings, HorizontalPodAutoscalers and APIServices:
// printIngress (formatHosts, formatPorts, ingressLoadBalancerStatusStringer),
// printRoleBinding/printClusterRoleBinding (rbac.SubjectsStrings), printHorizontalPodAutoscaler
// (formatHPAMetrics) in printers.go, and kube-aggregator's APIService table convertor.
// Rows are generated with Wide: true, as the apiserver does (no 16-character clipping).

import { formatAge } from "./format-age";
import type { ConditionLike, KubeObjectLike } from "./types";

export interface IngressLike extends KubeObjectLike {
  readonly spec?: { readonly ingressClassName?: string | null; readonly rules?: readonly { readonly host?: string }[]; readonly tls?: readonly unknown[] };
  readonly status?: { readonly loadBalancer?: { readonly ingress?: readonly { readonly ip?: string; readonly hostname?: string }[] } };
}

export interface IngressRow {
  name: string;
  className: string;
  hosts: string;
  address: string;
  ports: string;
  age: string;
}

/** formatHosts: up to three hosts, then "+ N more..."; "*" when no rule names a host. */
function ingressHosts(rules: readonly { readonly host?: string }[]): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  for (const r of rules) {
    if (list.length === max) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (list.length === 0) return "*";
  return more ? `${list.join(",")} + ${rules.length - max} more...` : list.join(",");
}

/** printIngress. */
export function ingressRow(ing: IngressLike, now: Date | number): IngressRow {
  const addresses = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) addresses.add(i.ip);
    else if (i.hostname) addresses.add(i.hostname);
  }
  return {
    name: ing.metadata?.name ?? "",
    className: ing.spec?.ingressClassName ?? "<none>",
    hosts: ingressHosts(ing.spec?.rules ?? []),
    address: [...addresses].sort().join(","),
    ports: (ing.spec?.tls ?? []).length > 0 ? "80, 443" : "80",
    age: formatAge(ing.metadata?.creationTimestamp, now),
  };
}

export interface BindingLike extends KubeObjectLike {
  readonly roleRef?: { readonly kind?: string; readonly name?: string };
  readonly subjects?: readonly { readonly kind?: string; readonly name?: string; readonly namespace?: string }[] | null;
}

export interface BindingRow {
  name: string;
  role: string;
  age: string;
  users: string;
  groups: string;
  serviceAccounts: string;
}

/** printRoleBinding / printClusterRoleBinding: "Kind/name" and the subjects by kind. */
export function bindingRow(b: BindingLike, now: Date | number): BindingRow {
  const subjects = b.subjects ?? [];
  const named = (kind: string) => subjects.filter((s) => s.kind === kind).map((s) => s.name ?? "");
  const sas = subjects.filter((s) => s.kind === "ServiceAccount").map((s) => (s.namespace ? `${s.namespace}/${s.name ?? ""}` : (s.name ?? "")));
  return {
    name: b.metadata?.name ?? "",
    role: `${b.roleRef?.kind ?? ""}/${b.roleRef?.name ?? ""}`,
    age: formatAge(b.metadata?.creationTimestamp, now),
    users: named("User").join(", "),
    groups: named("Group").join(", "),
    serviceAccounts: sas.join(", "),
  };
}

interface MetricTarget {
  readonly type?: string;
  readonly value?: string;
  readonly averageValue?: string;
  readonly averageUtilization?: number;
}
interface MetricValue {
  readonly value?: string;
  readonly averageValue?: string;
  readonly averageUtilization?: number;
}
interface MetricSpec {
  readonly type?: string;
  readonly resource?: { readonly name?: string; readonly target?: MetricTarget };
  readonly containerResource?: { readonly name?: string; readonly target?: MetricTarget };
  readonly pods?: { readonly target?: MetricTarget };
  readonly object?: { readonly target?: MetricTarget };
  readonly external?: { readonly target?: MetricTarget };
}
interface MetricStatus {
  readonly resource?: { readonly current?: MetricValue };
  readonly containerResource?: { readonly current?: MetricValue };
  readonly pods?: { readonly current?: MetricValue };
  readonly object?: { readonly current?: MetricValue };
  readonly external?: { readonly current?: MetricValue };
}

export interface HorizontalPodAutoscalerLike extends KubeObjectLike {
  readonly spec?: { readonly scaleTargetRef?: { readonly kind?: string; readonly name?: string }; readonly minReplicas?: number | null; readonly maxReplicas?: number; readonly metrics?: readonly MetricSpec[] };
  readonly status?: { readonly currentReplicas?: number; readonly currentMetrics?: readonly MetricStatus[] | null };
}

export interface HorizontalPodAutoscalerRow {
  name: string;
  reference: string;
  targets: string;
  minPods: string;
  maxPods: number;
  replicas: number;
  age: string;
}

const UNKNOWN = "<unknown>";

/** One metric as formatHPAMetrics prints it ("cpu: 40%/80%", "5/10 (avg)", …). */
function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  const valueOr = (v: MetricValue | undefined, key: "value" | "averageValue"): string => v?.[key] ?? UNKNOWN;
  const pct = (n: number | undefined, fallback: string): string => (n === undefined ? fallback : `${n}%`);
  switch (spec.type) {
    case "External":
    case "Object": {
      const s = spec.type === "External" ? spec.external : spec.object;
      const cur = spec.type === "External" ? status?.external : status?.object;
      if (s?.target?.averageValue !== undefined) return `${cur?.current?.averageValue ?? UNKNOWN}/${s.target.averageValue} (avg)`;
      return `${valueOr(cur?.current, "value")}/${s?.target?.value ?? ""}`;
    }
    case "Pods":
      return `${valueOr(status?.pods?.current, "averageValue")}/${spec.pods?.target?.averageValue ?? ""}`;
    case "Resource":
    case "ContainerResource": {
      const s = spec.type === "Resource" ? spec.resource : spec.containerResource;
      const cur = spec.type === "Resource" ? status?.resource : status?.containerResource;
      if (s?.target?.averageValue !== undefined) return `${s.name ?? ""}: ${valueOr(cur?.current, "averageValue")}/${s.target.averageValue}`;
      return `${s?.name ?? ""}: ${pct(cur?.current?.averageUtilization, UNKNOWN)}/${pct(s?.target?.averageUtilization, "<auto>")}`;
    }
    default:
      return "<unknown type>";
  }
}

/** formatHPAMetrics: the first two metrics, then "+ N more..."; "<none>" without metrics. */
export function hpaTargets(metrics: readonly MetricSpec[] | undefined, current: readonly MetricStatus[] | null | undefined): string {
  const specs = metrics ?? [];
  if (specs.length === 0) return "<none>";
  const list = specs.map((s, i) => formatMetric(s, current?.[i]));
  const max = 2;
  return list.length > max ? `${list.slice(0, max).join(", ")} + ${list.length - max} more...` : list.join(", ");
}

/** printHorizontalPodAutoscaler. */
export function horizontalPodAutoscalerRow(hpa: HorizontalPodAutoscalerLike, now: Date | number): HorizontalPodAutoscalerRow {
  const min = hpa.spec?.minReplicas;
  return {
    name: hpa.metadata?.name ?? "",
    reference: `${hpa.spec?.scaleTargetRef?.kind ?? ""}/${hpa.spec?.scaleTargetRef?.name ?? ""}`,
    targets: hpaTargets(hpa.spec?.metrics, hpa.status?.currentMetrics),
    minPods: min === undefined || min === null ? "<unset>" : String(min),
    maxPods: hpa.spec?.maxReplicas ?? 0,
    replicas: hpa.status?.currentReplicas ?? 0,
    age: formatAge(hpa.metadata?.creationTimestamp, now),
  };
}

export interface ApiServiceLike extends KubeObjectLike {
  readonly spec?: { readonly service?: { readonly namespace?: string; readonly name?: string } | null };
  readonly status?: { readonly conditions?: readonly ConditionLike[] };
}

export interface ApiServiceRow {
  name: string;
  service: string;
  available: string;
  age: string;
}

/** kube-aggregator's table: "Local" or ns/name, and the Available condition ("False (Reason)"). */
export function apiServiceRow(a: ApiServiceLike, now: Date | number): ApiServiceRow {
  const svc = a.spec?.service;
  const cond = (a.status?.conditions ?? []).find((c) => c.type === "Available");
  let available = "Unknown";
  if (cond) available = cond.status !== "True" && cond.reason ? `${cond.status} (${cond.reason})` : (cond.status ?? "");
  return {
    name: a.metadata?.name ?? "",
    service: svc ? `${svc.namespace ?? ""}/${svc.name ?? ""}` : "Local",
    available,
    age: formatAge(a.metadata?.creationTimestamp, now),
  };
}
