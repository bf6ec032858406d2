"use client";

import { useState } from "react";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import { ResourceTable } from "./resource-table";
import { useTableRows, type SortState } from "./use-table-rows";

/** A small kubectl-style table of related objects (a Deployment's ReplicaSets, a node's pods, events). */
export function RelatedList({ clusterId, resource, objects, showNamespace = false, initialSort }: { clusterId: string; resource: TExplorerResource; objects: TKubeObject[]; showNamespace?: boolean; initialSort?: SortState }) {
  const [sort, setSort] = useState<SortState>(initialSort ?? { key: resource === "events" ? "lastSeen" : "name", dir: resource === "events" ? "desc" : "asc" });
  const { columns, rows } = useTableRows(resource, objects.map((object) => ({ object })), showNamespace, "", sort);
  return <ResourceTable clusterId={clusterId} resource={resource} columns={columns} rows={rows} showNamespace={showNamespace} sort={sort} onSort={setSort} />;
}
