// Counts of the fleet inventory by facet: pure, so the page's numbers and the API's are one rule.
import type { TInventoryCount, TInventoryFacet, TInventoryNode } from "./inventory.schema";

/** The values a node has for a facet (a node has several extended resources, one of the rest). */
export function facetValues(node: Pick<TInventoryNode, "architecture" | "osImage" | "kernelVersion" | "kubeletVersion" | "extended">, facet: TInventoryFacet): string[] {
  switch (facet) {
    case "arch":
      return [node.architecture];
    case "os":
      return [node.osImage];
    case "kernel":
      return [node.kernelVersion];
    case "version":
      return [node.kubeletVersion];
    case "resource":
      return Object.keys(node.extended);
  }
}

/** Nodes and distinct clusters per value of a facet, most nodes first, then by value. */
export function countBy(nodes: readonly TInventoryNode[], facet: TInventoryFacet): TInventoryCount[] {
  const by = new Map<string, { nodes: number; clusters: Set<string> }>();
  for (const n of nodes) {
    for (const value of facetValues(n, facet)) {
      let c = by.get(value);
      if (!c) by.set(value, (c = { nodes: 0, clusters: new Set() }));
      c.nodes++;
      c.clusters.add(n.clusterId);
    }
  }
  return [...by.entries()]
    .map(([value, c]) => ({ value, nodes: c.nodes, clusters: c.clusters.size }))
    .sort((a, b) => b.nodes - a.nodes || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
