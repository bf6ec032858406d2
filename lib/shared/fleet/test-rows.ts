// Test helper: a fleet row with sensible defaults (test-only).
import type { TFleetCluster, TFleetSnapshot } from "./fleet.schema";

export function fleetRow(id: string, over: Partial<TFleetCluster> = {}, snap: Partial<TFleetSnapshot> | null = {}): TFleetCluster {
  return {
    id,
    name: id,
    displayName: id,
    region: null,
    site: null,
    labels: {},
    state: "active",
    stateReason: null,
    stateSince: "2026-01-01T00:00:00.000Z",
    lastSeenAt: "2026-01-01T11:59:59.000Z",
    kubernetesVersion: "v1.31.4+k3s1",
    alertsOpen: 0,
    alertsUnacked: 0,
    flapsPerHour: 0,
    snapshot:
      snap === null
        ? null
        : {
            collectedAt: "2026-01-01T12:00:00.000Z",
            changedAt: "2026-01-01T11:00:00.000Z",
            fresh: true,
            nodesReady: 3,
            nodesTotal: 3,
            podsTotal: 20,
            podsRunning: 18,
            podsPending: 0,
            podsSucceeded: 1,
            podsFailed: 0,
            podsUnknown: 0,
            podsFailing: 2,
            podsCrashLooping: 1,
            deploymentsTotal: 6,
            deploymentsUnavailable: 1,
            statefulSetsTotal: null,
            statefulSetsUnavailable: null,
            daemonSetsTotal: null,
            daemonSetsUnavailable: null,
            warningEvents: 4,
            kubernetesVersion: "v1.31.4+k3s1",
            edgex: null,
            error: null,
            ...snap,
          },
    ...over,
  };
}
