import type { EdgexRelease } from "./types";

// Which EdgeX services a release deploys, on which ports, under which names. Ports are
// EdgeX's defaults; 4.0 moved support-scheduler to 59863 and replaced Consul with
// core-keeper.

export type ServiceKind =
  | "core-data"
  | "core-metadata"
  | "core-command"
  | "support-notifications"
  | "support-scheduler"
  | "core-keeper"
  | "device-virtual"
  | "device-rest"
  | "ui";

export interface ServiceSpec {
  kind: ServiceKind;
  /** Kubernetes Service name, e.g. "edgex-core-data". */
  name: string;
  /** EdgeX service key, used in ping/version/config and the org.edgexfoundry.service label. */
  key: string;
  port: number;
  startupMsg: string;
}

export const RELEASE_VERSION: Record<EdgexRelease, string> = { "3.1": "3.1.1", "4.0": "4.0.2" };

/** MaxResultCount of every service's configuration (edgex-go's shipped default). */
export const MAX_RESULT_COUNT = 1024;

const spec = (kind: ServiceKind, port: number, startupMsg: string): ServiceSpec => ({
  kind,
  name: `edgex-${kind}`,
  key: kind,
  port,
  startupMsg,
});

/** The services of a release in deployment order. */
export function releaseServices(release: EdgexRelease): ServiceSpec[] {
  const services = [
    spec("core-data", 59880, "This is the EdgeX Core Data Microservice"),
    spec("core-metadata", 59881, "This is the EdgeX Core Metadata Microservice"),
    spec("core-command", 59882, "This is the EdgeX Core Command Microservice"),
    spec("support-notifications", 59860, "This is the Support Notifications Microservice"),
    spec("support-scheduler", release === "3.1" ? 59861 : 59863, "This is the Support Scheduler Microservice"),
    spec("device-virtual", 59900, "device virtual started"),
    spec("device-rest", 59986, "device rest started"),
    spec("ui", 4000, "This is the EdgeX UI Service"),
  ];
  if (release === "4.0") services.push(spec("core-keeper", 59890, "This is the EdgeX Core Keeper Microservice"));
  return services;
}
