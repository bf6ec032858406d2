import { buildEdgexOverview } from "@/lib/shared/edgex/build-edgex-overview";
import { MAX_EDGEX_BODY_BYTES, serviceProxyPath, type EdgexRawAnswer, type EdgexTransport } from "@/lib/shared/edgex/edgex-transport";
import { EDGEX_SERVICE_LABEL, matchEdgexServices, type TServiceObject } from "@/lib/shared/edgex/match-edgex-services";
import { fleetEdgexStatus, type TFleetEdgexStatus } from "@/lib/shared/edgex/fleet-edgex-status";
import { KubeReflector } from "./kube-reflector";
import type { KubeTarget } from "./load-kube-target";
import { errorMessage } from "./logger";
import { requestKube } from "./request-kube";

/** Deadline of one EdgeX call: the whole round (probes, devices, newest reading) runs in parallel. */
const EDGEX_TIMEOUT_MS = 4_000;

/** Only EdgeX Services are kept (by label or `edgex-` name), reduced to what discovery reads. */
function projectService(svc: TServiceObject): TServiceObject | null {
  const name = svc.metadata?.name ?? "";
  const label = svc.metadata?.labels?.[EDGEX_SERVICE_LABEL];
  if (label === undefined && !name.startsWith("edgex-")) return null;
  return {
    metadata: { name, namespace: svc.metadata?.namespace, labels: label === undefined ? {} : { [EDGEX_SERVICE_LABEL]: label } },
    spec: { ports: (svc.spec?.ports ?? []).map((p) => ({ port: p.port, name: p.name })) },
  };
}

function queryOf(query: Record<string, string | number | boolean | undefined> | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The agent's EdgeX transport: the same Kubernetes service proxy the console uses, but to its
 * own apiserver with its own credentials (`services/proxy` get in its ClusterRole), so no
 * EdgeX call crosses the tunnel. A Kubernetes Status body is the proxy's answer, anything
 * else the service's own.
 */
export function agentEdgexTransport(target: KubeTarget): EdgexTransport {
  return async (service, request): Promise<EdgexRawAnswer> => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const res = await requestKube(target, request.method ?? "GET", serviceProxyPath(service, request.path) + queryOf(request.query), request.body, request.timeoutMs, MAX_EDGEX_BODY_BYTES);
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, text: res.text, latencyMs: elapsed() };
      const status = res.body?.kind === "Status" ? res.body : null;
      const reason = status && typeof status.reason === "string" && status.reason ? status.reason : `HTTP${res.status}`;
      const message = status && typeof status.message === "string" ? status.message : `${service.name} answered HTTP ${res.status}`;
      return { ok: false, problem: { kind: "http", status: res.status, fromService: !status, reason, message }, latencyMs: elapsed() };
    } catch (error) {
      const message = errorMessage(error);
      if (message.includes("timed out")) return { ok: false, problem: { kind: "timeout", timeoutMs: request.timeoutMs }, latencyMs: elapsed() };
      return { ok: false, problem: { kind: "cluster", status: 0, message }, latencyMs: elapsed() };
    }
  };
}

/**
 * Watches the cluster's Services for EdgeX ones and probes them every `everyMs` (15 s by default: ping of each
 * known service, the device count from core-metadata, the newest reading from core-data) —
 * the same client code as the console's EdgeX pages, over the agent's own apiserver.
 * `current()` is null while the cluster runs no EdgeX; `onChange` runs when the status or the
 * Service cache moves.
 */
export function watchEdgex(target: KubeTarget, onChange: () => void, everyMs: number): { reflector: KubeReflector<TServiceObject | null>; current(): TFleetEdgexStatus | null; stop(): void } {
  let status: TFleetEdgexStatus | null = null;
  let encoded = "null";
  let running = false;
  let servicesKey = "";
  const transport = agentEdgexTransport(target);
  const probe = async () => {
    if (running) return;
    running = true;
    try {
      const services = matchEdgexServices([...reflector.values()].filter((s): s is TServiceObject => s !== null));
      const next = services.length > 0 ? fleetEdgexStatus(await buildEdgexOverview({ clusterId: "", transport, services, timeoutMs: EDGEX_TIMEOUT_MS })) : null;
      const text = JSON.stringify(next);
      status = next;
      if (text !== encoded) {
        encoded = text;
        onChange();
      }
    } finally {
      running = false;
    }
  };
  // A new or removed EdgeX Service is probed at once, not at the next tick; the health watch
  // hears every change too (the cache's currency is part of the summary).
  const reflector = new KubeReflector<TServiceObject | null>(target, "/api/v1/services", "", projectService, () => {
    onChange();
    const key = JSON.stringify([...reflector.values()].filter((s) => s !== null));
    if (key === servicesKey) return;
    servicesKey = key;
    void probe();
  });
  const timer = setInterval(() => void probe(), everyMs);
  reflector.start();
  return {
    reflector,
    current: () => status,
    stop() {
      clearInterval(timer);
      reflector.stop();
    },
  };
}
