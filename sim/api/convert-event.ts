import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";

// core/v1 Events are the stored form; events.k8s.io/v1 is served by conversion, as the
// apiserver does (both read the same storage).

/** core/v1 Event → events.k8s.io/v1 Event. */
export function toEventsV1(ev: KubeObject): KubeObject {
  const src = isRecord(ev.source) ? ev.source : {};
  const series = typeof ev.count === "number" && ev.count > 1 ? { count: ev.count, lastObservedTime: `${String(ev.lastTimestamp ?? "").replace(/Z$/, "")}.000000Z` } : undefined;
  return {
    apiVersion: "events.k8s.io/v1",
    kind: "Event",
    metadata: ev.metadata,
    eventTime: ev.eventTime ?? null,
    reportingController: ev.reportingComponent || src.component || "",
    reportingInstance: ev.reportingInstance || src.host || "",
    action: ev.action ?? "",
    reason: ev.reason,
    regarding: ev.involvedObject,
    note: ev.message,
    type: ev.type,
    ...(series ? { series } : {}),
    deprecatedSource: src,
    deprecatedFirstTimestamp: ev.firstTimestamp,
    deprecatedLastTimestamp: ev.lastTimestamp,
    deprecatedCount: ev.count,
  };
}

/** events.k8s.io/v1 Event → core/v1 Event (for creates through the new API). */
export function fromEventsV1(ev: KubeObject): KubeObject {
  const series = isRecord(ev.series) ? ev.series : undefined;
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: ev.metadata,
    involvedObject: ev.regarding ?? {},
    reason: ev.reason,
    message: ev.note,
    type: ev.type,
    source: ev.deprecatedSource ?? { component: ev.reportingController },
    firstTimestamp: ev.deprecatedFirstTimestamp ?? ev.eventTime ?? null,
    lastTimestamp: ev.deprecatedLastTimestamp ?? (series ? series.lastObservedTime : ev.eventTime) ?? null,
    count: ev.deprecatedCount ?? (series ? series.count : 1),
    eventTime: ev.eventTime ?? null,
    reportingComponent: ev.reportingController ?? "",
    reportingInstance: ev.reportingInstance ?? "",
    action: ev.action,
  };
}
