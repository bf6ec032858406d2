// kubectl's event columns: printEvent and formatEventSource in printers.go.
// `kubectl get events` shows LAST SEEN TYPE REASON OBJECT MESSAGE; -o wide adds SUBOBJECT,
// SOURCE, FIRST SEEN, COUNT and NAME.

import { formatAge, parseTimestamp } from "./format-age";
import type { EventLike } from "./types";

export interface EventRow {
  name: string;
  namespace: string;
  lastSeen: string;
  type: string;
  reason: string;
  object: string;
  subobject: string;
  source: string;
  message: string;
  firstSeen: string;
  count: number;
}

/** formatEventSource: component (or reportingComponent), then ", host" (or instance). */
export function eventSource(ev: EventLike): string {
  const component = ev.source?.component || ev.reportingComponent || "";
  const instance = ev.source?.host || ev.reportingInstance || "";
  return instance ? `${component}, ${instance}` : component;
}

/** Every `kubectl get events -o wide` column of one core/v1 Event. */
export function eventRow(ev: EventLike, now: Date | number): EventRow {
  // Events from the events.k8s.io API carry eventTime instead of firstTimestamp.
  const firstSeen =
    parseTimestamp(ev.firstTimestamp) === undefined ? formatAge(ev.eventTime, now) : formatAge(ev.firstTimestamp, now);
  let lastSeen = parseTimestamp(ev.lastTimestamp) === undefined ? firstSeen : formatAge(ev.lastTimestamp, now);
  let count = ev.count ?? 0;
  if (ev.series) {
    lastSeen = formatAge(ev.series.lastObservedTime, now);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events don't have a count set in the new API.
    count = 1;
  }
  const kind = (ev.involvedObject?.kind ?? "").toLowerCase();
  const target = ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind;
  return {
    name: ev.metadata?.name ?? "",
    namespace: ev.metadata?.namespace ?? "",
    lastSeen,
    type: ev.type ?? "",
    reason: ev.reason ?? "",
    object: target,
    subobject: ev.involvedObject?.fieldPath ?? "",
    source: eventSource(ev),
    message: (ev.message ?? "").trim(),
    firstSeen,
    count,
  };
}
