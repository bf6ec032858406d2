"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TEdgexPage, TEdgexPageQuery } from "@/lib/shared/edgex/edgex-api.schema";
import { EDGEX_REFRESH_MS, edgexKeys, edgexUrl, withQuery, type EdgexList } from "./edgex-keys";

/** One page of an EdgeX list (devices, profiles, device services); the previous page stays shown while the next loads. */
export function useEdgexPage<T, R extends TEdgexPage<T> = TEdgexPage<T>>(clusterId: string, list: EdgexList, page: TEdgexPageQuery) {
  return useQuery({
    queryKey: edgexKeys.page(clusterId, list, page),
    queryFn: ({ signal }) => apiFetch<R>(withQuery(edgexUrl(clusterId, list), { offset: page.offset, limit: page.limit, labels: page.labels }), { signal }),
    refetchInterval: EDGEX_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
