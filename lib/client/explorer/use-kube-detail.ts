"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TClusterOverview, TKubeDetail } from "@/lib/shared/explorer/explorer.schema";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import { explorerKeys, objectUrl } from "./explorer-keys";

/** One object with its YAML and related objects; kept live by useClusterChanges (the page), a slow poll as fallback. */
export function useKubeDetail(clusterId: string, resource: TExplorerResource, namespace: string, name: string) {
  return useQuery({
    queryKey: explorerKeys.detail(clusterId, resource, namespace, name),
    queryFn: ({ signal }) => apiFetch<TKubeDetail>(objectUrl(clusterId, resource, namespace, name), { signal }),
    refetchInterval: 60_000,
  });
}

/** The cluster overview; kept live by useClusterChanges (the page), a slow poll as fallback. */
export function useClusterOverview(clusterId: string) {
  return useQuery({
    queryKey: explorerKeys.overview(clusterId),
    queryFn: ({ signal }) => apiFetch<TClusterOverview>(`/api/v1/clusters/${encodeURIComponent(clusterId)}/overview`, { signal }),
    refetchInterval: 60_000,
  });
}
