import "server-only";
import type { TRollbackResource, TWorkloadHistory } from "@/lib/shared/workload-rollback/workload-rollback.schema";
import type { KubeIdentity } from "../k8s/kube-identity";
import { readControllerRevisionHistory } from "./controller-revision-history";
import { readDeploymentHistory } from "./deployment-history";

/** `kubectl rollout history` of a Deployment, StatefulSet or DaemonSet: revisions newest first with their pod templates. */
export async function readWorkloadHistory(clusterId: string, identity: KubeIdentity, resource: TRollbackResource, namespace: string, name: string): Promise<TWorkloadHistory> {
  const history = resource === "deployments" ? await readDeploymentHistory(clusterId, identity, namespace, name) : await readControllerRevisionHistory(clusterId, identity, resource, namespace, name);
  return { revisions: history.revisions };
}
