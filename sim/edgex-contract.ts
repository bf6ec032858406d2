// The simulator core's view of sim/edgex: the in-process EdgeX services behind the service
// proxy. Re-exported from the module itself so the two can never drift apart.
export type { EdgexDeployment, EdgexFaults, SimHttpRequest, SimHttpResponse, SimService } from "./edgex";
