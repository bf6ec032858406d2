"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { resourceApiHref, type TResourceRef } from "@/lib/shared/resources/resource-path";
import type { TResourceDetail } from "@/lib/shared/resources/resources.schema";
import { resourceKeys } from "./resource-keys";

/** One object of any resource with its events, owners, children and related objects. */
export function useResourceObject(clusterId: string, ref: TResourceRef, namespace: string, name: string) {
  return useQuery({
    queryKey: resourceKeys.object(clusterId, ref, namespace, name),
    queryFn: ({ signal }) => apiFetch<TResourceDetail>(resourceApiHref(clusterId, ref, { namespace: namespace || undefined, name }), { signal }),
    // Events and status move on their own; the page follows within a few seconds.
    refetchInterval: 10_000,
  });
}
