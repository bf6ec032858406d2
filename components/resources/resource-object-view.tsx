"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useResourceObject } from "@/lib/client/resources/use-resource-object";
import { objectPageHref } from "@/lib/client/explorer/explorer-keys";
import { EXPLORER_RESOURCES, RESOURCE_INFO, type TExplorerResource } from "@/lib/shared/explorer/resources";
import { resourcePageHref, type TResourceRef } from "@/lib/shared/resources/resource-path";
import type { TObjectLink } from "@/lib/shared/resources/resources.schema";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ConditionsTable, type ConditionView } from "@/components/explorer/conditions-table";
import { YamlView } from "@/components/explorer/yaml-view";
import { useClusterErrorMessage } from "@/components/explorer/use-cluster-error-message";
import { DeleteObjectDialog } from "@/components/object-delete/delete-object-dialog";
import { CronJobActions } from "@/components/workload-actions/cronjob-actions";
import { SetImageDialog } from "@/components/workload-actions/set-image-dialog";
import { gridColumns, TableGrid } from "./table-grid";

/** The curated page of this kind, when the console has one (pods' logs, scale, cordon…). */
function curatedResource(ref: TResourceRef): TExplorerResource | undefined {
  return EXPLORER_RESOURCES.find((r) => RESOURCE_INFO[r].group === ref.group && RESOURCE_INFO[r].version === ref.version && r === ref.resource);
}

function LinkList({ clusterId, title, links, empty }: { clusterId: string; title: string; links: TObjectLink[]; empty: string }) {
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-300">{title}</h3>
      {links.length === 0 ? <p className="text-sm text-slate-500">{empty}</p> : null}
      <ul className="space-y-0.5 text-sm">
        {links.map((l) => (
          <li key={`${l.kind}/${l.namespace ?? ""}/${l.name}`} className="font-mono">
            <span className="text-slate-500">{`${l.kind}/`}</span>
            {l.resource ? (
              <Link className="text-sky-300 hover:underline" href={resourcePageHref(clusterId, { group: l.group, version: l.version, resource: l.resource }, { namespace: l.namespace ?? undefined, name: l.name })}>
                {l.name}
              </Link>
            ) : (
              <span>{l.name}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Pairs({ title, pairs, empty }: { title: string; pairs: Record<string, string> | undefined; empty: string }) {
  const entries = Object.entries(pairs ?? {});
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-300">{title}</h3>
      {entries.length === 0 ? <p className="text-sm text-slate-500">{empty}</p> : null}
      <ul className="flex flex-wrap gap-1.5">
        {entries.map(([k, v]) => (
          <li key={k} className="max-w-full truncate rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs text-slate-200" title={`${k}=${v}`}>
            {`${k}=${v}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Any object of any resource: metadata (labels, annotations), owner chain, children and
 * related objects, status conditions, the events about it and its YAML — all read as the
 * user. Kinds with a curated page (logs, scale, cordon…) link to it.
 */
export function ResourceObjectView({ clusterId, resourceRef, namespace, name, canAct }: { clusterId: string; resourceRef: TResourceRef; namespace: string; name: string; canAct: boolean }) {
  const t = useTranslations("resources");
  const errorMessage = useErrorMessage();
  const clusterErrorMessage = useClusterErrorMessage();
  const query = useResourceObject(clusterId, resourceRef, namespace, name);
  const detail = query.data;
  const object = detail?.object as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; creationTimestamp?: string; uid?: string }; status?: { conditions?: ConditionView[] } } | null | undefined;
  const curated = curatedResource(resourceRef);
  const kind = detail?.resource.kind ?? resourceRef.resource;
  const events = detail?.events;
  return (
    <article aria-label={`${kind} ${name}`} className="min-w-0 space-y-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <Link href={resourcePageHref(clusterId, resourceRef)} className="text-sm text-slate-400 hover:text-white">
          {kind}
        </Link>
        <h2 className="font-mono text-lg font-semibold text-white">{name}</h2>
        {namespace ? <span className="text-sm text-slate-400">{t("object.inNamespace", { namespace })}</span> : null}
        {curated ? (
          <Link className="ml-auto text-sm text-sky-300 hover:underline" href={objectPageHref(clusterId, curated, namespace || null, name)}>
            {t("object.curated")}
          </Link>
        ) : null}
        {canAct && detail?.object && resourceRef.group === "batch" && resourceRef.resource === "cronjobs" ? (
          <div className="ml-auto flex flex-wrap gap-2">
            <CronJobActions clusterId={clusterId} object={detail.object as { metadata?: { name?: string; namespace?: string }; spec?: unknown }} />
            <SetImageDialog clusterId={clusterId} resource="cronjobs" object={detail.object as { metadata?: { name?: string; namespace?: string }; spec?: unknown }} />
          </div>
        ) : null}
        {canAct && detail?.object ? <DeleteObjectDialog clusterId={clusterId} resource={detail.resource} namespace={namespace} name={name} dependents={detail.children.length} /> : null}
      </header>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} /> : null}
      {detail?.error ? <ErrorState message={clusterErrorMessage(detail.error)} onRetry={() => void query.refetch()} /> : null}
      {detail && object ? (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <Pairs title={t("object.labels")} pairs={object.metadata?.labels} empty={t("object.none")} />
            <Pairs title={t("object.annotations")} pairs={object.metadata?.annotations} empty={t("object.none")} />
            <LinkList clusterId={clusterId} title={t("object.owners")} links={detail.owners} empty={t("object.noOwners")} />
            <LinkList clusterId={clusterId} title={t("object.children")} links={detail.children} empty={t("object.noChildren")} />
            {detail.related.length > 0 ? <LinkList clusterId={clusterId} title={t("object.related")} links={detail.related} empty={t("object.none")} /> : null}
          </div>
          {object.status?.conditions ? (
            <section aria-label={t("object.conditions")} className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-300">{t("object.conditions")}</h3>
              <ConditionsTable conditions={object.status.conditions} />
            </section>
          ) : null}
          <section aria-label={t("object.events")} className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-300">{t("object.events")}</h3>
            {events && events.rows.length > 0 ? (
              <TableGrid label={t("object.events")} columns={gridColumns(events.columnDefinitions, { namespace: false, wide: false, namespaceHeader: "NAMESPACE" })} rows={events.rows} hrefOf={() => null} sort={null} onSort={() => undefined} />
            ) : (
              <EmptyState title={t("object.noEvents")} />
            )}
          </section>
          <section aria-label={t("object.yaml")} className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-300">{t("object.yaml")}</h3>
            <YamlView yaml={detail.yaml ?? ""} />
          </section>
        </>
      ) : null}
    </article>
  );
}
