"use client";

import { useQuery } from "@tanstack/react-query";
import { clusterKeys, fetchCluster } from "@/lib/client/clusters";
import { useClusterChanges } from "@/lib/client/explorer/use-cluster-changes";
import type { TClusterState } from "@/lib/shared/clusters/clusters.schema";
import { ClusterFlaps } from "./cluster-flaps";
import { ClusterStateBadge } from "./cluster-state-badge";

/**
 * The live state badge in a cluster's page header (shares the detail query with the page):
 * the cluster's changes arrive by server push, a slow poll is the fallback.
 */
export function ClusterHeaderState({ clusterId, initial }: { clusterId: string; initial: { state: TClusterState; reason: string | null } }) {
  const cluster = useQuery({ queryKey: clusterKeys.detail(clusterId), queryFn: ({ signal }) => fetchCluster(clusterId, signal), refetchInterval: 30_000 });
  useClusterChanges(clusterId, [], "", null);
  const state = cluster.data?.state ?? initial.state;
  const reason = cluster.data ? cluster.data.stateReason : initial.reason;
  return (
    <>
      <ClusterStateBadge state={state} reason={reason} testId="cluster-header-state" />
      <ClusterFlaps count={cluster.data?.flapsPerHour ?? 0} />
    </>
  );
}
