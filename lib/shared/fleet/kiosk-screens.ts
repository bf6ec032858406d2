import type { TFleetCluster } from "./fleet.schema";

/** One screen of the kiosk rotation: a group (or a page of a large group) of tiles. */
export interface KioskScreen {
  group: string | null;
  groupIndex: number;
  groupCount: number;
  page: number;
  pages: number;
  /** Clusters in the whole group. */
  total: number;
  tiles: TFleetCluster[];
}

const STATE_RANK = { unavailable: 0, pending: 1, active: 2 } as const;

/** Worst first: Unavailable, Pending, then most failing pods, not-ready nodes, stale data, name. */
export function compareWorstFirst(a: TFleetCluster, b: TFleetCluster): number {
  const sa = a.snapshot;
  const sb = b.snapshot;
  return (
    STATE_RANK[a.state] - STATE_RANK[b.state] ||
    (sb?.podsFailing ?? 0) - (sa?.podsFailing ?? 0) ||
    (sb ? sb.nodesTotal - sb.nodesReady : 0) - (sa ? sa.nodesTotal - sa.nodesReady : 0) ||
    b.alertsOpen - a.alertsOpen ||
    Number(sa?.fresh ?? true) - Number(sb?.fresh ?? true) ||
    a.name.localeCompare(b.name)
  );
}

/** The value a cluster is grouped by on the kiosk: "region", "site", "state" or "label:<key>". */
export function kioskGroupOf(c: TFleetCluster, group: string): string | null {
  if (group === "region") return c.region;
  if (group === "site") return c.site;
  if (group === "state") return c.state;
  if (group.startsWith("label:")) return c.labels[group.slice(6)] ?? null;
  return null;
}

/**
 * Splits the fleet into the kiosk's rotating screens: one group per screen (groups in name
 * order, "no value" last), worst clusters first, large groups paged by `perScreen` tiles.
 */
export function buildKioskScreens(clusters: Iterable<TFleetCluster>, group: string, perScreen: number): KioskScreen[] {
  const groups = new Map<string | null, TFleetCluster[]>();
  for (const c of clusters) {
    const key = kioskGroupOf(c, group);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  const screens: KioskScreen[] = [];
  keys.forEach((key, groupIndex) => {
    const members = groups.get(key)!.sort(compareWorstFirst);
    const pages = Math.max(1, Math.ceil(members.length / perScreen));
    for (let page = 0; page < pages; page++) {
      screens.push({ group: key, groupIndex, groupCount: keys.length, page, pages, total: members.length, tiles: members.slice(page * perScreen, (page + 1) * perScreen) });
    }
  });
  return screens;
}
