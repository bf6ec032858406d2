"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TEdgexEventList, TEdgexReadingList } from "@/lib/shared/edgex/edgex-detail.schema";
import { EDGEX_READINGS_REFRESH_MS, edgexKeys, edgexUrl, withQuery } from "./edgex-keys";

/** The newest readings (of one device or all), polled every 5 s while the view is open. */
export function useEdgexReadings(clusterId: string, device: string | undefined, limit: number) {
  return useQuery({
    queryKey: edgexKeys.latest(clusterId, "readings", { device, limit }),
    queryFn: ({ signal }) => apiFetch<TEdgexReadingList>(withQuery(edgexUrl(clusterId, "readings"), { device, limit }), { signal }),
    refetchInterval: EDGEX_READINGS_REFRESH_MS,
    staleTime: 0,
  });
}

/** The newest events (of one device or all), polled every 5 s while the view is open. */
export function useEdgexEvents(clusterId: string, device: string | undefined, limit: number) {
  return useQuery({
    queryKey: edgexKeys.latest(clusterId, "events", { device, limit }),
    queryFn: ({ signal }) => apiFetch<TEdgexEventList>(withQuery(edgexUrl(clusterId, "events"), { device, limit }), { signal }),
    refetchInterval: EDGEX_READINGS_REFRESH_MS,
    staleTime: 0,
  });
}
