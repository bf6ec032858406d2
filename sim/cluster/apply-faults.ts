import type https from "node:https";
import { releaseHanging } from "./serve-cluster";
import type { ClusterState } from "./cluster-state";
import { applyNodeReadiness } from "../kubelet/node-heartbeats";
import { agentRuntimes } from "../kubelet/run-kubelet";
import type { ClusterFaults } from "../types";

/**
 * Switches a cluster's faults. Partition: the API stops answering (new requests hang, open
 * watches/log follows go silent) and the cluster's agent processes are SIGSTOPped so their
 * tunnels go silent too; healing SIGCONTs them and resets the hung connections.
 * dropWatchesAfterMs cuts the streams open now after that long, and each new one likewise.
 */
export function applyFaults(cluster: ClusterState, server: https.Server | undefined, f: ClusterFaults): void {
  const was = cluster.faults;
  cluster.faults = { ...f };
  if (!!was.partition !== !!f.partition) {
    for (const m of agentRuntimes.get(cluster)?.values() ?? []) {
      for (const r of m.values()) {
        if (r.current.child.exitCode === null) r.current.child.kill(f.partition ? "SIGSTOP" : "SIGCONT");
      }
    }
    if (!f.partition && server) {
      releaseHanging(server);
      for (const s of cluster.streams) s.destroy();
    }
  }
  // Watches already open are cut too (an apiserver or balancer dropping its connections),
  // not only those opened from now on.
  const drop = f.dropWatchesAfterMs;
  if (drop && drop > 0 && drop !== was.dropWatchesAfterMs) {
    for (const s of [...cluster.streams]) cluster.rt.timers.after(drop, () => s.destroy());
  }
  if (JSON.stringify(was.nodeNotReady ?? []) !== JSON.stringify(f.nodeNotReady ?? [])) applyNodeReadiness(cluster);
  cluster.edgex?.setFaults(f.edgex ?? {});
}
