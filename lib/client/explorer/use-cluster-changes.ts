"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { clusterKeys } from "@/lib/client/clusters";
import type { TChangesEvent } from "@/lib/shared/explorer/explorer.schema";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";

/**
 * Keeps a page live by server push: subscribes to GET /api/v1/clusters/{id}/changes for the
 * lists the page summarises and re-reads `queryKey` whenever one of them changes; a change
 * of the cluster itself (state, agent report) re-reads the cluster (the header's query) too.
 * EventSource reconnects by itself; queries keep a slow poll only as a fallback.
 */
export function useClusterChanges(clusterId: string, resources: readonly TExplorerResource[], namespace: string, queryKey: QueryKey | null): void {
  const queryClient = useQueryClient();
  const keyRef = useRef(queryKey);
  useEffect(() => {
    keyRef.current = queryKey;
  });
  const list = resources.join(",");
  useEffect(() => {
    const qs = new URLSearchParams({ resources: list });
    if (namespace) qs.set("namespace", namespace);
    const source = new EventSource(`/api/v1/clusters/${encodeURIComponent(clusterId)}/changes?${qs.toString()}`);
    source.addEventListener("changed", (e) => {
      const event = JSON.parse((e as MessageEvent<string>).data) as TChangesEvent;
      if (event.cluster) void queryClient.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) });
      if (event.resources.length > 0 && keyRef.current) void queryClient.invalidateQueries({ queryKey: keyRef.current });
    });
    return () => source.close();
  }, [clusterId, list, namespace, queryClient]);
}
