// In-process EdgeX Foundry services for the k3s fleet simulator (see README.md).
export { createEdgexDeployment } from "./create-edgex-deployment";
export type {
  CreateEdgexDeploymentOptions,
  EdgexDeployment,
  EdgexFaults,
  EdgexRelease,
  SimHttpRequest,
  SimHttpResponse,
  SimService,
} from "./types";
