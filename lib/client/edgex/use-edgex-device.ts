"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TEdgexDeviceDetail } from "@/lib/shared/edgex/edgex-detail.schema";
import { EDGEX_REFRESH_MS, edgexKeys, edgexUrl } from "./edgex-keys";

/** One device with its profile and core-command commands; refreshed every 10 s. */
export function useEdgexDevice(clusterId: string, device: string) {
  return useQuery({
    queryKey: edgexKeys.device(clusterId, device),
    queryFn: ({ signal }) => apiFetch<TEdgexDeviceDetail>(edgexUrl(clusterId, "devices", device), { signal }),
    refetchInterval: EDGEX_REFRESH_MS,
  });
}
