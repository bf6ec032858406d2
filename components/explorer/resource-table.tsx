"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { objectPageHref } from "@/lib/client/explorer/explorer-keys";
import type { TColumn } from "@/lib/shared/explorer/resource-rows";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { resourceOfKind, type TExplorerResource } from "@/lib/shared/explorer/resources";
import { EdgeNodeBadge } from "@/components/kubeedge/edge-node-badge";
import { VirtualTable } from "@/components/ui/virtual-table";
import { StatusText } from "./status-text";
import type { SortState, TableRowData } from "./use-table-rows";

const STATUS_KEYS = new Set(["status", "type"]);
/**
 * Long free-text columns are cut at a width (full text on hover) so every column stays on
 * screen at 1440 px; rows have a fixed height (virtualised), so nothing wraps.
 */
const TRUNCATE: Readonly<Record<string, string>> = {
  message: "max-w-sm",
  object: "max-w-[16rem]",
  images: "max-w-[16rem]",
  osImage: "max-w-[11rem]",
  kernelVersion: "max-w-[10rem]",
  containerRuntime: "max-w-[11rem]",
  roles: "max-w-[10rem]",
  nodeSelector: "max-w-[10rem]",
  ports: "max-w-[12rem]",
  externalIp: "max-w-[10rem]",
  reason: "max-w-[12rem]",
  version: "max-w-[10rem]",
};
/**
 * kubectl's `-o wide` extras and `kubectl top`'s usage figures only fit on a wide screen
 * (≥ 1536 px); below that they are on the object's page (as `kubectl get` without `-o wide`
 * leaves them out; the page's usage panel has the figures and their charts).
 */
const WIDE_ONLY = new Set(["osImage", "kernelVersion", "cpu", "memory"]);
const cellVisibility = (key: string) => (WIDE_ONLY.has(key) ? "hidden 2xl:table-cell" : "");

/** Where a row leads: the object's page (events lead to the object they are about). */
function hrefOf(clusterId: string, resource: TExplorerResource, obj: TKubeObject): string | null {
  if (resource === "events") {
    const involved = (obj as { involvedObject?: { kind?: string; name?: string; namespace?: string } }).involvedObject;
    const target = resourceOfKind(involved?.kind);
    return target && involved?.name ? objectPageHref(clusterId, target, involved.namespace ?? obj.metadata?.namespace, involved.name) : null;
  }
  if (resource === "namespaces") return `/clusters/${encodeURIComponent(clusterId)}/pods?ns=${encodeURIComponent(obj.metadata?.name ?? "")}`;
  return objectPageHref(clusterId, resource, obj.metadata?.namespace, obj.metadata?.name ?? "");
}

/**
 * A kubectl-style table of one resource (rows from useTableRows) in the console's
 * virtualised table: sortable headers, the name links to the object, statuses coloured,
 * long free text cut (full text on hover), KubeEdge edge nodes badged.
 */
export function ResourceTable({
  clusterId,
  resource,
  columns,
  rows,
  showNamespace,
  sort,
  onSort,
}: {
  clusterId: string;
  resource: TExplorerResource;
  columns: TColumn[];
  rows: TableRowData[];
  showNamespace: boolean;
  sort: SortState;
  onSort: (sort: SortState) => void;
}) {
  const t = useTranslations("explorer");
  const sortIndex = columns.findIndex((c) => c.key === sort.key);
  return (
    <VirtualTable
      label={t(`resources.${resource}`)}
      testId="resource-table"
      columns={columns.map((c) => ({ key: c.key, header: c.header, className: cellVisibility(c.key) }))}
      rowCount={rows.length}
      rowKey={(i) => `${rows[i]!.object.metadata?.namespace ?? ""}/${rows[i]!.object.metadata?.name ?? i}`}
      rowHref={(i) => hrefOf(clusterId, resource, rows[i]!.object)}
      rowTestId={(i) => `row-${rows[i]!.row.name ?? ""}`}
      cellTitle={(i, c) => {
        const key = columns[c]!.key;
        const value = String(rows[i]!.row[key] ?? "");
        return TRUNCATE[key] && value ? value : undefined;
      }}
      renderCell={(i, c, href) => {
        const r = rows[i]!;
        const key = columns[c]!.key;
        const value = String(r.row[key] ?? "");
        const text = STATUS_KEYS.has(key) && resource !== "services" && resource !== "secrets" ? <StatusText status={value} /> : value;
        return (
          <>
            {c === (showNamespace ? 1 : 0) && href ? (
              <Link href={href} tabIndex={-1} className="text-sky-300 hover:underline">
                {text}
              </Link>
            ) : TRUNCATE[key] ? (
              <span className={`block truncate ${TRUNCATE[key]}`}>{text}</span>
            ) : (
              text
            )}
            {/* KubeEdge edge nodes are badged next to their name. */}
            {c === 0 && resource === "nodes" ? (
              <span className="ml-2 font-sans">
                <EdgeNodeBadge node={r.object} />
              </span>
            ) : null}
          </>
        );
      }}
      sort={sortIndex < 0 ? null : { column: sortIndex, dir: sort.dir }}
      onSort={(c) => {
        const key = columns[c]!.key;
        onSort({ key, dir: sort.key === key && sort.dir === "asc" ? "desc" : "asc" });
      }}
    />
  );
}
