// `kubectl top`'s columns beside kubectl's list columns: CPU(cores), MEMORY(bytes) for pods;
// also CPU(%) and MEMORY(%) of allocatable for nodes. Pure: shared by the API and the browser.
import type { TColumn, TRow } from "../explorer/resource-rows";
import { cpuNanocores, formatTopCpu, formatTopMemory, memoryBytes, topMillicores, topPercent } from "./quantity";
import type { TUsageItem } from "./resource-usage.schema";

export const POD_USAGE_COLUMNS: readonly TColumn[] = [
  { key: "cpu", header: "CPU(cores)" },
  { key: "memory", header: "MEMORY(bytes)" },
];

/** Key of an item in a usage map: `namespace/name` (pods) or `name` (nodes). */
export function usageKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** Usage items by key. */
export function usageMap(items: readonly TUsageItem[]): Map<string, TUsageItem> {
  return new Map(items.map((i) => [usageKey(i.namespace, i.name), i]));
}

/** kubectl's placeholder for a value it cannot show. */
const UNKNOWN = "<unknown>";

/**
 * The usage cells of one row, as `kubectl top` prints them; `<unknown>` for an object the
 * metrics API has no sample of (not running, not yet scraped). Nodes' percents are of
 * `status.allocatable`.
 */
export function usageCells(resource: "pods" | "nodes", item: TUsageItem | undefined, object: object): TRow {
  if (!item) return resource === "pods" ? { cpu: UNKNOWN, memory: UNKNOWN } : { cpu: UNKNOWN, cpuPercent: UNKNOWN, memory: UNKNOWN, memoryPercent: UNKNOWN };
  const cells: TRow = { cpu: formatTopCpu(item.cpuNanocores), memory: formatTopMemory(item.memoryBytes) };
  if (resource === "nodes") {
    const alloc = (object as { status?: { allocatable?: { cpu?: string; memory?: string } } }).status?.allocatable;
    cells.cpuPercent = topPercent(topMillicores(item.cpuNanocores), topMillicores(cpuNanocores(alloc?.cpu)));
    cells.memoryPercent = topPercent(item.memoryBytes, memoryBytes(alloc?.memory));
  }
  return cells;
}
