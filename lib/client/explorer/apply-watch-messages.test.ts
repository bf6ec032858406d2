import { describe, expect, it } from "vitest";
import type { TClusterRef, TKubeList, TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { applyWatchMessages } from "./apply-watch-messages";

const cluster: TClusterRef = { id: "c", name: "c", displayName: "c", state: "active", stateReason: null, stateSince: "2026-01-01T00:00:00Z", lastSeenAt: null, connected: true };
const pod = (name: string, phase = "Running"): TKubeObject => ({ kind: "Pod", metadata: { name, namespace: "demo", creationTimestamp: "2026-11-27T11:00:00Z" }, spec: { containers: [{ name: "c" }] }, status: { phase } });
const list = (items: TKubeObject[]): TKubeList => ({ cluster, resource: "pods", namespace: null, labelSelector: null, resourceVersion: "1", items: items.map((object) => ({ name: object.metadata!.name!, object })), error: null, stale: false });
const now = Date.parse("2026-11-27T12:00:00Z");

describe("applyWatchMessages", () => {
  it("upserts and removes by namespace/name, recomputing rows", () => {
    const next = applyWatchMessages(list([pod("a"), pod("b")]), [
      { type: "change", event: "MODIFIED", object: pod("a", "Failed"), resourceVersion: "2" },
      { type: "change", event: "ADDED", object: pod("c"), resourceVersion: "3" },
      { type: "change", event: "DELETED", object: pod("b"), resourceVersion: "4" },
    ], now);
    expect(next.items.map((i) => [i.name, i.status, i.age])).toEqual([["a", "Failed", "60m"], ["c", "Running", "60m"]]);
    expect(next.resourceVersion).toBe("4");
  });

  it("replaces everything on a snapshot and tracks live/stale from status", () => {
    const stale = applyWatchMessages(list([pod("a")]), [{ type: "status", live: false, error: { code: "unavailable", status: 503, reason: "ClusterNotConnected", message: "gone" } }], now);
    expect(stale).toMatchObject({ stale: true, error: { code: "unavailable" } });
    expect(stale.items).toHaveLength(1);
    const back = applyWatchMessages(stale, [{ type: "snapshot", resourceVersion: "9", items: [pod("x"), pod("y")] }, { type: "status", live: true, error: null }], now);
    expect(back).toMatchObject({ stale: false, error: null, resourceVersion: "9" });
    expect(back.items.map((i) => i.name)).toEqual(["x", "y"]);
  });

  it("leaves the input untouched", () => {
    const input = list([pod("a")]);
    applyWatchMessages(input, [{ type: "change", event: "DELETED", object: pod("a"), resourceVersion: "2" }], now);
    expect(input.items).toHaveLength(1);
  });
});
