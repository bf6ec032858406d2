import type { TResourceRef } from "@/lib/shared/resources/resource-path";

/** Query keys of discovery-driven resource pages, cluster first (`['k8s', clusterId, …]`). */
export const resourceKeys = {
  apiResources: (clusterId: string) => ["k8s", clusterId, "api-resources"] as const,
  table: (clusterId: string, ref: TResourceRef, params: { namespace: string; labelSelector: string; fieldSelector: string }) => ["k8s", clusterId, "table", ref.group, ref.version, ref.resource, params] as const,
  object: (clusterId: string, ref: TResourceRef, namespace: string, name: string) => ["k8s", clusterId, "object", ref.group, ref.version, ref.resource, namespace, name] as const,
};
