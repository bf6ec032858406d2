"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TEdgexServiceConfig } from "@/lib/shared/edgex/edgex-detail.schema";
import { edgexKeys, edgexUrl } from "./edgex-keys";

/** A service's configuration (secrets masked by the server), fetched when the dialog opens. */
export function useEdgexConfig(clusterId: string, namespace: string, name: string, enabled: boolean) {
  return useQuery({
    queryKey: edgexKeys.config(clusterId, namespace, name),
    queryFn: ({ signal }) => apiFetch<TEdgexServiceConfig>(`${edgexUrl(clusterId, "services", namespace, name)}/config`, { signal }),
    enabled,
    staleTime: 0,
  });
}
