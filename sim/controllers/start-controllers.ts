import type { ClusterState } from "../cluster/cluster-state";
import type { KubeObject, Pod, Workload } from "../store/kube-types";
import type { StoreEvent } from "../store/object-store";
import { reconcileCrd, reconcileEndpoints, reconcileNamespace, reconcileTokenSecret } from "./cluster-controllers";
import { enqueueCronJob } from "./cronjob-controller";
import { startHelmController } from "./helm-controller";
import { startUpgradeController } from "./upgrade-controller";
import { controllerOf, reconcileDaemonSet, reconcileJob, reconcileStatefulSet } from "./other-workloads";
import { reconcileDeployment, reconcileReplicaSet } from "./workload-pods";

type Reconciler = (cluster: ClusterState, o: Workload) => void;
const WORKLOADS: Record<string, [string, Reconciler]> = {
  Deployment: ["apps/deployments", reconcileDeployment],
  ReplicaSet: ["apps/replicasets", reconcileReplicaSet],
  DaemonSet: ["apps/daemonsets", reconcileDaemonSet],
  StatefulSet: ["apps/statefulsets", reconcileStatefulSet],
  Job: ["batch/jobs", reconcileJob],
};

function enqueueWorkload(cluster: ClusterState, o: KubeObject): void {
  const w = WORKLOADS[o.kind];
  if (!w) return;
  const [storage, fn] = w;
  const { namespace, name, uid } = o.metadata;
  cluster.enqueue(`${o.kind}/${uid}`, () => {
    const cur = cluster.store.get(storage, namespace, name);
    if (cur && cur.metadata.uid === uid && !cur.metadata.deletionTimestamp) fn(cluster, cur as Workload);
  });
}

function enqueueServicesOf(cluster: ClusterState, pod: KubeObject): void {
  const ns = pod.metadata.namespace ?? "default";
  cluster.enqueue(`endpoints/${ns}`, () => {
    for (const svc of cluster.store.list("/services", ns)) reconcileEndpoints(cluster, svc);
  });
}

/**
 * Wires the controller manager of a cluster: every commit enqueues the reconciles it can
 * affect (the object itself, its controller owner, services of its namespace).
 */
export function startControllers(cluster: ClusterState): void {
  cluster.store.subscribeAll((ev: StoreEvent) => {
    const o = ev.object;
    switch (ev.storage) {
      case "/pods": {
        const owner = controllerOf(cluster, o);
        if (owner) enqueueWorkload(cluster, owner);
        const pod = o as Pod;
        if (pod.status?.podIP || ev.type === "DELETED") enqueueServicesOf(cluster, o);
        return;
      }
      case "apps/replicasets": {
        if (ev.type !== "DELETED") enqueueWorkload(cluster, o);
        const owner = controllerOf(cluster, o);
        if (owner) enqueueWorkload(cluster, owner);
        return;
      }
      case "batch/cronjobs":
        enqueueCronJob(cluster, o);
        return;
      case "batch/jobs": {
        if (ev.type !== "DELETED") enqueueWorkload(cluster, o);
        const owner = controllerOf(cluster, o);
        if (owner?.kind === "CronJob") enqueueCronJob(cluster, owner);
        return;
      }
      case "apps/deployments":
      case "apps/daemonsets":
      case "apps/statefulsets":
        if (ev.type !== "DELETED") enqueueWorkload(cluster, o);
        return;
      case "/nodes":
        if (ev.type === "ADDED") for (const ds of cluster.store.list("apps/daemonsets")) enqueueWorkload(cluster, ds);
        return;
      case "/services":
        if (ev.type !== "DELETED") cluster.enqueue(`svc/${o.metadata.uid}`, () => {
          const cur = cluster.store.get("/services", o.metadata.namespace, o.metadata.name);
          if (cur) reconcileEndpoints(cluster, cur);
        });
        return;
      case "/namespaces":
        if (ev.type !== "DELETED") cluster.enqueue(`ns/${o.metadata.name}`, () => {
          const cur = cluster.store.get("/namespaces", undefined, o.metadata.name);
          if (cur) reconcileNamespace(cluster, cur);
        });
        return;
      case "/secrets":
        if (ev.type === "ADDED") cluster.enqueue(`secret/${o.metadata.uid}`, () => {
          const cur = cluster.store.get("/secrets", o.metadata.namespace, o.metadata.name);
          if (cur) reconcileTokenSecret(cluster, cur);
        });
        return;
      case "apiextensions.k8s.io/customresourcedefinitions":
        // Synchronous: a custom resource created right after its CRD must find its type.
        reconcileCrd(cluster, o, ev.type === "DELETED");
        return;
    }
  });
  startHelmController(cluster);
  startUpgradeController(cluster);
}
