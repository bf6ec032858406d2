/**
 * Tabs of a cluster's pages, in order. `segment` is the path below /clusters/{id}
 * ("" = overview); `label` is a key of the `clusterTabs` namespace. Add a tab here when
 * you add a page under app/(console)/clusters/[id]/.
 */
export const CLUSTER_TABS: ReadonlyArray<{ segment: string; label: string }> = [
  { segment: "", label: "overview" },
  // Every resource the cluster serves, from its discovery (issue 13).
  { segment: "resources", label: "resources" },
  // Cluster explorer (issue 5): one tab per resource list.
  { segment: "nodes", label: "nodes" },
  { segment: "pods", label: "pods" },
  { segment: "deployments", label: "deployments" },
  { segment: "replicasets", label: "replicasets" },
  { segment: "daemonsets", label: "daemonsets" },
  { segment: "statefulsets", label: "statefulsets" },
  { segment: "jobs", label: "jobs" },
  { segment: "services", label: "services" },
  { segment: "events", label: "events" },
  { segment: "namespaces", label: "namespaces" },
  { segment: "configmaps", label: "configmaps" },
  { segment: "secrets", label: "secrets" },
  // Edge views (issue 6).
  { segment: "edgex", label: "edgex" },
  { segment: "kubeedge", label: "kubeedge" },
];
