"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { objectPageHref } from "@/lib/client/explorer/explorer-keys";
import { useNow } from "@/lib/client/explorer/use-now";
import { parseTimestamp } from "@/lib/shared/kube";
import { rowOf, TABLE_COLUMNS } from "@/lib/shared/explorer/resource-rows";
import { labelChipText } from "@/lib/shared/kube/labels";
import type { TKubeObject, TRelated } from "@/lib/shared/explorer/explorer.schema";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import { StatusText } from "./status-text";

/** Key facts of an object: kubectl's columns for it, namespace, creation, owner, node, labels. */
export function ObjectSummary({ clusterId, resource, object, related }: { clusterId: string; resource: TExplorerResource; object: TKubeObject; related: TRelated }) {
  const t = useTranslations("explorer.detail");
  // Field labels in sentence case like the rest of the summary (tables keep kubectl's headers).
  const tf = useTranslations("explorer.field");
  const format = useFormatter();
  const now = useNow();
  const row = rowOf(resource, object, now);
  const created = parseTimestamp(object.metadata?.creationTimestamp);
  const labels = Object.entries(object.metadata?.labels ?? {});
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-800 p-4 text-sm sm:grid-cols-[max-content_1fr]">
      {TABLE_COLUMNS[resource]
        // The name is the page's title; the node has its own linked row below.
        .filter((c) => c.key !== "name" && !(c.key === "node" && related.node))
        .map((c) => (
          <div key={c.key} className="contents">
            <dt className="text-xs text-slate-400">{tf(c.key)}</dt>
            <dd className="font-mono text-slate-100">{c.key === "status" ? <StatusText status={String(row[c.key] ?? "")} /> : String(row[c.key] ?? "")}</dd>
          </div>
        ))}
      {object.metadata?.namespace ? (
        <>
          <dt className="text-xs text-slate-400">{t("namespace")}</dt>
          <dd className="font-mono">{object.metadata.namespace}</dd>
        </>
      ) : null}
      {created !== undefined ? (
        <>
          <dt className="text-xs text-slate-400">{t("created")}</dt>
          <dd title={new Date(created).toISOString()}>{format.dateTime(new Date(created), { dateStyle: "medium", timeStyle: "short" })}</dd>
        </>
      ) : null}
      {related.owner ? (
        <>
          <dt className="text-xs text-slate-400">{t("owner")}</dt>
          <dd className="font-mono">
            {related.owner.resource ? (
              <Link className="text-sky-300 hover:underline" href={objectPageHref(clusterId, related.owner.resource, related.owner.namespace, related.owner.name)}>
                {`${related.owner.kind}/${related.owner.name}`}
              </Link>
            ) : (
              `${related.owner.kind}/${related.owner.name}`
            )}
          </dd>
        </>
      ) : null}
      {related.node ? (
        <>
          <dt className="text-xs text-slate-400">{t("node")}</dt>
          <dd className="font-mono">
            <Link className="text-sky-300 hover:underline" href={objectPageHref(clusterId, "nodes", null, related.node)}>
              {related.node}
            </Link>
          </dd>
        </>
      ) : null}
      <dt className="text-xs text-slate-400">{t("labels")}</dt>
      <dd className="flex flex-wrap gap-1">
        {labels.length === 0 ? <span className="text-slate-500">{t("none")}</span> : null}
        {labels.map(([k, v]) => (
          <span key={k} className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs text-slate-200">{labelChipText(k, v)}</span>
        ))}
      </dd>
    </dl>
  );
}
