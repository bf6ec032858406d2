"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TEdgexOverview } from "@/lib/shared/edgex/edgex-api.schema";
import { EDGEX_REFRESH_MS, edgexKeys, edgexUrl } from "./edgex-keys";

/** Services, release and summary of a cluster's EdgeX; re-probed every 10 s while shown. */
export function useEdgexOverview(clusterId: string) {
  return useQuery({
    queryKey: edgexKeys.overview(clusterId),
    queryFn: ({ signal }) => apiFetch<TEdgexOverview>(edgexUrl(clusterId), { signal }),
    refetchInterval: EDGEX_REFRESH_MS,
    // Each refresh is a fresh probe: the server caches nothing longer than one refresh.
    staleTime: 0,
  });
}
