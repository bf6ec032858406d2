// kubectl's printed columns and statuses as pure functions, shared by the console (UI and
// API) and the k3s simulator's server-side Table responses. Browser-safe: no I/O, no Node APIs.

export * from "./access-columns";
export * from "./column-definitions";
export * from "./event-columns";
export * from "./format-age";
export * from "./labels";
export * from "./node-columns";
export * from "./pod-columns";
export {
  configMapRow,
  endpointsRow,
  formatEndpoints,
  namespaceRow,
  secretRow,
  serviceAccountRow,
  serviceExternalIp,
  servicePorts,
  serviceRow,
  type ServiceRow,
} from "./service-columns";
export * from "./storage-columns";
export * from "./table";
export type * from "./types";
export * from "./workload-columns";
