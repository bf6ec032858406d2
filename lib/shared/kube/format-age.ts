// kubectl's AGE / duration strings: k8s.io/apimachinery/pkg/util/duration.HumanDuration and
// printers.go translateTimestampSince, reproduced rule for rule (the rules are uneven on
// purpose: "5m30s" below 10 minutes, "3h12m" below 8 hours, "2d3h" below 8 days, "2y30d"
// below 8 years). Pure: the caller passes `now`, so browser and server agree on a snapshot.

import type { Timestamp } from "./types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Go's zero time.Time (0001-01-01T00:00:00Z) is what an unset metav1.Time decodes to.
// (A literal: Date.UTC maps years 0-99 to 1900-1999.)
const GO_ZERO_TIME_MS = -62_135_596_800_000;

/**
 * Parses a Kubernetes timestamp (RFC 3339 string or Date) into epoch milliseconds.
 * Returns undefined for a missing, unparsable or Go-zero timestamp (metav1.Time.IsZero()).
 */
export function parseTimestamp(timestamp: Timestamp | null | undefined): number | undefined {
  if (timestamp === undefined || timestamp === null || timestamp === "") return undefined;
  const ms = timestamp instanceof Date ? timestamp.getTime() : Date.parse(timestamp);
  if (Number.isNaN(ms) || ms === GO_ZERO_TIME_MS) return undefined;
  return ms;
}

function toMs(now: Date | number): number {
  return typeof now === "number" ? now : now.getTime();
}

/**
 * duration.HumanDuration: a succinct duration with ~2-3 significant figures.
 * Negative durations down to -1s print "0s" (clock skew); below that "<invalid>".
 */
export function humanDuration(ms: number): string {
  // Go converts with int(), which truncates toward zero.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const days = Math.trunc(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/**
 * printers.go translateTimestampSince: the AGE column. "<unknown>" when the timestamp is
 * missing or zero; otherwise humanDuration(now - timestamp).
 */
export function formatAge(timestamp: Timestamp | null | undefined, now: Date | number): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return "<unknown>";
  return humanDuration(toMs(now) - ms);
}

/**
 * Go's `t.UTC().Format(time.RFC3339)` — second precision, "Z" suffix. Used by the apiserver's
 * default table ("Created At"); an unset timestamp formats as Go's zero time.
 */
export function formatRfc3339(timestamp: Timestamp | null | undefined): string {
  const ms = parseTimestamp(timestamp) ?? GO_ZERO_TIME_MS;
  // Whole seconds toward the past, as Go's formatter drops the fraction.
  const iso = new Date(Math.floor(ms / SECOND) * SECOND).toISOString();
  return iso.replace(/\.\d{3}Z$/, "Z");
}
