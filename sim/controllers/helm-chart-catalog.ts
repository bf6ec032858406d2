import type { ClusterState } from "../cluster/cluster-state";
import { edgexDeploymentOf, edgexWorkloads, routeEdgexServices, type EdgexRelease } from "../scenarios/scenario-edgex";
import type { KubeObject, Labels } from "../store/kube-types";
import { isRecord } from "../store/kube-types";

// The charts the simulated klipper-helm "knows": what `helm template` of each would
// produce, from the release name, namespace, chart version and merged values. Any other
// chart installs as a release with no objects.

export interface RenderedChart {
  chart: { name: string; version: string; appVersion: string; description: string };
  objects: KubeObject[];
  /** helm's error text when the chart cannot install (the job fails). */
  error?: string;
  /** Side effects beyond the API objects (EdgeX REST handlers behind the service proxy). */
  activate?: (cluster: ClusterState, on: boolean) => void;
}

export interface RenderInput {
  release: string;
  namespace: string;
  /** `spec.chart`: a name, repo/name, oci:// or https URL of a .tgz. */
  chart: string;
  version: string;
  values: Record<string, unknown>;
}

/** The chart's name and archive version from `spec.chart` (a name, repo/name or .tgz URL). */
export function chartRef(ref: string): { name: string; version: string } {
  const last = (ref.replace(/\/+$/, "").split("/").pop() ?? ref).replace(/\.tgz$/, "");
  const m = last.match(/^(.*?)-(v?\d+\.\d+\.\d+.*)$/);
  return m ? { name: m[1] ?? last, version: m[2] ?? "" } : { name: last, version: "" };
}

function get(values: Record<string, unknown>, path: string): unknown {
  let cur: unknown = values;
  for (const k of path.split(".")) cur = isRecord(cur) ? cur[k] : undefined;
  return cur;
}

function str(values: Record<string, unknown>, path: string, dflt: string): string {
  const v = get(values, path);
  return typeof v === "string" || typeof v === "number" ? String(v) : dflt;
}

function int(values: Record<string, unknown>, path: string, dflt: number): number {
  const v = Number(get(values, path));
  return Number.isInteger(v) && v >= 0 ? v : dflt;
}

/** helm's conventional fullname: the release name when it contains the chart name. */
function fullname(release: string, chart: string): string {
  return (release.includes(chart) ? release : `${release}-${chart}`).slice(0, 63).replace(/-+$/, "");
}

function helmMeta(input: RenderInput, chart: string, version: string, appVersion: string): { labels: Labels; annotations: Labels } {
  return {
    labels: { "app.kubernetes.io/instance": input.release, "app.kubernetes.io/managed-by": "Helm", "app.kubernetes.io/name": chart, "app.kubernetes.io/version": appVersion, "helm.sh/chart": `${chart}-${version}` },
    annotations: { "meta.helm.sh/release-name": input.release, "meta.helm.sh/release-namespace": input.namespace },
  };
}

function nginx(input: RenderInput): RenderedChart {
  const version = input.version || "18.3.1";
  const appVersion = "1.27.3";
  const name = fullname(input.release, "nginx");
  const { labels, annotations } = helmMeta(input, "nginx", version, appVersion);
  const selector = { "app.kubernetes.io/instance": input.release, "app.kubernetes.io/name": "nginx" };
  const image = `${str(input.values, "image.repository", "nginx")}:${str(input.values, "image.tag", appVersion)}`;
  const port = int(input.values, "service.port", 80);
  const meta = { name, namespace: input.namespace, labels, annotations } as unknown as KubeObject["metadata"];
  return {
    chart: { name: "nginx", version, appVersion, description: "NGINX Open Source is a web server that can be also used as a reverse proxy, load balancer, and HTTP cache." },
    objects: [
      { apiVersion: "v1", kind: "Service", metadata: meta, spec: { type: str(input.values, "service.type", "ClusterIP"), selector, ports: [{ name: "http", port, protocol: "TCP", targetPort: "http" }] } },
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: meta,
        spec: {
          replicas: int(input.values, "replicaCount", 1),
          selector: { matchLabels: selector },
          template: { metadata: { labels: { ...labels } }, spec: { containers: [{ name: "nginx", image, ports: [{ name: "http", containerPort: 80, protocol: "TCP" }] }] } },
        },
      },
    ],
  };
}

function edgex(input: RenderInput, cluster: ClusterState): RenderedChart {
  const version = input.version || "3.1.1";
  const release: EdgexRelease = version.startsWith("4.") ? "4.0" : "3.1";
  const appVersion = release === "4.0" ? "4.0.2" : "3.1.1";
  const dep = edgexDeploymentOf(cluster, release);
  const { labels, annotations } = helmMeta(input, "edgex", version, appVersion);
  return {
    chart: { name: "edgex", version, appVersion, description: "EdgeX Foundry microservices (core, support, device and UI)" },
    objects: edgexWorkloads(dep, release, input.namespace, { labels, annotations }),
    activate: (c, on) => routeEdgexServices(c, dep, input.namespace, on),
  };
}

/** The chart that always fails: its install hook never succeeds. */
function alwaysFails(input: RenderInput): RenderedChart {
  const version = input.version || "0.1.0";
  return {
    chart: { name: "always-fails", version, appVersion: "0.1.0", description: "A chart whose pre-install hook always fails" },
    objects: [],
    error: `failed pre-install: 1 error occurred:\n\t* job ${input.release}-pre-install failed: BackoffLimitExceeded`,
  };
}

/** Renders a chart of the catalogue; unknown charts render to no objects. */
export function renderChart(cluster: ClusterState, input: RenderInput): RenderedChart {
  const ref = chartRef(input.chart);
  const withVersion = { ...input, version: input.version || ref.version };
  if (ref.name === "nginx") return nginx(withVersion);
  if (ref.name === "edgex") return edgex(withVersion, cluster);
  if (ref.name === "always-fails") return alwaysFails(withVersion);
  return { chart: { name: ref.name, version: withVersion.version || "0.1.0", appVersion: "", description: "" }, objects: [] };
}
