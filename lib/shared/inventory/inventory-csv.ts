// The inventory as CSV (RFC 4180): one line per node, the columns of the page.
import type { TInventoryNode } from "./inventory.schema";

export const INVENTORY_CSV_COLUMNS = [
  "cluster",
  "node",
  "ready",
  "roles",
  "architecture",
  "os",
  "osImage",
  "kernel",
  "realtime",
  "containerRuntime",
  "kubeletVersion",
  "cpuCapacity",
  "memoryCapacity",
  "cpuAllocatable",
  "memoryAllocatable",
  "extendedResources",
  "taints",
  "collectedAt",
] as const;

/** Quotes a field when it holds a comma, quote or line break; neutralises spreadsheet formulas. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function inventoryCsv(nodes: readonly TInventoryNode[]): string {
  const lines = [INVENTORY_CSV_COLUMNS.join(",")];
  for (const n of nodes) {
    lines.push(
      [
        n.clusterName,
        n.name,
        String(n.ready),
        n.roles.join(" "),
        n.architecture,
        n.operatingSystem,
        n.osImage,
        n.kernelVersion,
        String(n.realtime),
        n.containerRuntime,
        n.kubeletVersion,
        n.cpuCapacity,
        n.memoryCapacity,
        n.cpuAllocatable,
        n.memoryAllocatable,
        Object.entries(n.extended).map(([k, v]) => `${k}=${v}`).join(" "),
        n.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`).join(" "),
        n.collectedAt,
      ]
        .map(field)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
