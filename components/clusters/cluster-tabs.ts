/**
 * Tabs of a cluster's pages, in order. `segment` is the path below /clusters/{id}
 * ("" = overview); `label` is a key of the `clusterTabs` namespace. Add a tab here when
 * you add a page under app/(console)/clusters/[id]/.
 */
export const CLUSTER_TABS: ReadonlyArray<{ segment: string; label: string }> = [{ segment: "", label: "overview" }];
