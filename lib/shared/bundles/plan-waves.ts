import type { TBundleRollout } from "./bundles.schema";

/**
 * Assigns each target cluster its wave: wave 0 = the named canaries (those among the
 * targets) or the first `count` clusters by name; then batches of `batchPercent` of all
 * targets (at least one cluster each). Without a first wave, batches start at wave 0.
 */
export function planWaves(targets: ReadonlyArray<{ id: string; name: string }>, rollout: TBundleRollout): Map<string, number> {
  const sorted = [...targets].sort((a, b) => a.name.localeCompare(b.name));
  const waves = new Map<string, number>();
  let rest = sorted;
  let wave = 0;
  const first = rollout.firstWave;
  if (first) {
    const firstIds = first.clusterIds ? new Set(first.clusterIds) : new Set(sorted.slice(0, first.count ?? 1).map((c) => c.id));
    for (const c of sorted) if (firstIds.has(c.id)) waves.set(c.id, 0);
    rest = sorted.filter((c) => !firstIds.has(c.id));
    if (waves.size > 0) wave = 1;
  }
  const batch = Math.max(1, Math.ceil((sorted.length * rollout.batchPercent) / 100));
  rest.forEach((c, i) => waves.set(c.id, wave + Math.floor(i / batch)));
  return waves;
}

/** Number of waves in a plan. */
export function waveCount(waves: Iterable<number>): number {
  let max = -1;
  for (const w of waves) max = Math.max(max, w);
  return max + 1;
}
