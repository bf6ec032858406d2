import type { TFleetCluster } from "./fleet.schema";

/**
 * What identifies a row's displayed content: everything but the snapshot's collection time,
 * which advances every pass for every cluster. Rows whose numbers did not change are then
 * not re-sent, so a quiet fleet of 10,000 clusters costs a few bytes per interval.
 */
export function rowSignature(row: TFleetCluster): string {
  if (!row.snapshot) return JSON.stringify(row);
  const { collectedAt: _ignored, ...snapshot } = row.snapshot;
  return JSON.stringify({ ...row, snapshot });
}

export interface FleetDelta {
  changed: TFleetCluster[];
  removed: string[];
  /** Signatures to compare the next read against. */
  signatures: Map<string, string>;
}

/** Rows new or changed since `previous` (id → signature), and ids no longer present. */
export function diffFleetRows(previous: ReadonlyMap<string, string>, rows: readonly TFleetCluster[]): FleetDelta {
  const signatures = new Map<string, string>();
  const changed: TFleetCluster[] = [];
  for (const row of rows) {
    const signature = rowSignature(row);
    signatures.set(row.id, signature);
    if (previous.get(row.id) !== signature) changed.push(row);
  }
  const removed = [...previous.keys()].filter((id) => !signatures.has(id));
  return { changed, removed, signatures };
}
