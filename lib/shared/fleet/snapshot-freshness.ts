/**
 * A snapshot is fresh while the collector keeps refreshing it: collected within two and a
 * half collection intervals (one missed pass is tolerated; a cluster that stopped answering
 * turns stale after the second). Stale snapshots are shown as last-known numbers with their age.
 */
export function isSnapshotFresh(collectedAt: Date, now: Date, intervalMs: number): boolean {
  return now.getTime() - collectedAt.getTime() <= intervalMs * 2.5;
}

/**
 * When a row's numbers were last known to be current, for display: a fresh row is as recent
 * as the newest pass (the stream only re-sends rows whose numbers change, not every
 * refresh), a stale row as old as its own collection time.
 */
export function dataAsOf(snapshot: { collectedAt: string; fresh: boolean }, freshAt: string | null): string {
  if (snapshot.fresh && freshAt && Date.parse(freshAt) > Date.parse(snapshot.collectedAt)) return freshAt;
  return snapshot.collectedAt;
}

/**
 * Last seen, for display. While a cluster is Active the state monitor confirms it every few
 * seconds, and the stream does not re-send rows for that (it would re-send every healthy
 * cluster all the time): an Active row was seen as late as the latest totals (`summaryAt`).
 */
export function lastSeenShown(row: { state: string; lastSeenAt: string | null }, summaryAt: string | null): string | null {
  if (row.state !== "active" || !summaryAt) return row.lastSeenAt;
  if (!row.lastSeenAt || Date.parse(summaryAt) > Date.parse(row.lastSeenAt)) return summaryAt;
  return row.lastSeenAt;
}
