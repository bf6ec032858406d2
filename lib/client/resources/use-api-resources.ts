"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiFetch } from "@/lib/client/api-client";
import type { TApiResourceList } from "@/lib/shared/resources/resources.schema";
import { resourceKeys } from "./resource-keys";

/**
 * What a cluster serves (cached discovery), read again when the server says a CRD came or
 * went (`?watch=true` SSE) — a CRD created while the page is open appears without a reload.
 */
export function useApiResources(clusterId: string) {
  const queryClient = useQueryClient();
  const key = resourceKeys.apiResources(clusterId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<TApiResourceList>(`/api/v1/clusters/${encodeURIComponent(clusterId)}/resources`, { signal }),
    staleTime: 60_000,
    refetchInterval: (q) => (q.state.data?.error ? 15_000 : false),
  });
  useEffect(() => {
    const source = new EventSource(`/api/v1/clusters/${encodeURIComponent(clusterId)}/resources?watch=true`);
    const onChanged = () => void queryClient.invalidateQueries({ queryKey: resourceKeys.apiResources(clusterId) });
    source.addEventListener("changed", onChanged);
    return () => source.close();
  }, [clusterId, queryClient]);
  return query;
}
