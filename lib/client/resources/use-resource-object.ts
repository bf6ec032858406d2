"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { resourceApiHref, type TResourceRef } from "@/lib/shared/resources/resource-path";
import type { TResourceDetail } from "@/lib/shared/resources/resources.schema";
import { resourceKeys } from "./resource-keys";

const EVENTS: TResourceRef = { group: "", version: "v1", resource: "events" };
/** Changes often come in bursts (a rollout): one re-read per burst. */
const SETTLE_MS = 300;
/** After a watch ended (410, cluster lost) the object is read again after this delay, and watched anew. */
const REREAD_MS = 2_000;
/** Children and related objects (a Deployment's pods) have no watch here: a slow fallback re-read. */
const FALLBACK_MS = 60_000;

function watchUrl(clusterId: string, ref: TResourceRef, namespace: string, fieldSelector: string, resourceVersion: string): string {
  const qs = new URLSearchParams({ watch: "true", resourceVersion, fieldSelector });
  if (namespace) qs.set("namespace", namespace);
  return `${resourceApiHref(clusterId, ref)}?${qs.toString()}`;
}

/**
 * One object of any resource with its events, owners, children and related objects, kept
 * live by two Table watches (as the user): the object itself (`metadata.name=`, from the
 * version it was read at) and the events that involve it (`involvedObject.uid=`, from the
 * events list's version). A change re-reads the page's data, which moves both versions on.
 */
export function useResourceObject(clusterId: string, ref: TResourceRef, namespace: string, name: string) {
  const key = resourceKeys.object(clusterId, ref, namespace, name);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<TResourceDetail>(resourceApiHref(clusterId, ref, { namespace: namespace || undefined, name }), { signal }),
    refetchInterval: FALLBACK_MS,
  });
  const meta = (query.data?.object as { metadata?: { resourceVersion?: string; uid?: string } } | null | undefined)?.metadata;
  const objectRv = meta?.resourceVersion ?? "";
  const uid = meta?.uid ?? "";
  const eventsRv = query.data?.events?.metadata.resourceVersion ?? "";
  const canWatch = query.data?.resource.verbs.includes("watch") ?? false;

  useEffect(() => {
    if (!objectRv || !canWatch) return;
    const urls = [watchUrl(clusterId, ref, namespace, `metadata.name=${name}`, objectRv)];
    if (uid && eventsRv) urls.push(watchUrl(clusterId, EVENTS, namespace, `involvedObject.uid=${uid}`, eventsRv));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reread = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: key, exact: true }), delay);
    };
    const sources = urls.map((url) => {
      const source = new EventSource(url);
      source.addEventListener("change", () => reread(SETTLE_MS));
      source.addEventListener("status", (event: MessageEvent<string>) => {
        const status = JSON.parse(event.data) as { live?: boolean };
        if (status.live === false) {
          source.close();
          reread(REREAD_MS);
        }
      });
      return source;
    });
    return () => {
      clearTimeout(timer);
      for (const s of sources) s.close();
    };
    // The key is made of clusterId/ref/namespace/name; the versions decide when to re-watch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clusterId, ref.group, ref.version, ref.resource, namespace, name, objectRv, uid, eventsRv, canWatch, queryClient]);

  return query;
}
