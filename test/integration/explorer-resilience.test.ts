import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TKubeList } from "@/lib/shared/explorer/explorer.schema";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { callRoute } from "../helpers/routes";
import { startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";
import { readSse } from "./sse-reader";

// A short watch history (8 events) so a resumed watch can fall out of it (410 → relist).
describe("explorer watches survive drops, expired resourceVersions and a lost tunnel", () => {
  let fx: ExplorerFixture;
  let reattached: AttachedCluster | undefined;
  beforeAll(async () => {
    fx = await startExplorerFixture("rsl", { historySize: 8 });
  });
  afterAll(async () => {
    await reattached?.detach();
    await fx?.stop();
  });

  it("relists when the resourceVersion expired (410) and sends viewers only the difference", async () => {
    const v = readSse(await callRoute("GET", "/api/v1/clusters/rsl/watch?resource=pods&namespace=demo", { token: fx.tokens.viewer }));
    await v.next((m) => m.type === "snapshot");
    const consoleLists = () => fx.cluster.audit().filter((a) => a.verb === "list" && a.resource === "pods" && a.namespace === "demo" && !a.impersonatedUser).length;
    const listsBefore = consoleLists();
    // Watches are cut at once: the informer waits 1 s before resuming from its resourceVersion,
    // and meanwhile more than 8 changes push that version out of the cluster's history.
    fx.cluster.setFaults({ dropWatchesAfterMs: 1 });
    await new Promise((r) => setTimeout(r, 100));
    const scale = await callRoute("POST", "/api/v1/clusters/rsl/deployments/demo/web/scale", { token: fx.tokens.operator, body: { replicas: 8 } });
    expect(scale.status).toBe(200);
    const added = await v.next((m) => m.type === "change" && m.event === "ADDED" && !!m.object.metadata?.name?.startsWith("web-"), 15_000);
    fx.cluster.setFaults({});
    expect(added.type).toBe("change");
    expect(consoleLists()).toBeGreaterThan(listsBefore);
    // Expired is not a failure: the viewer never saw the list go stale, nor a second snapshot.
    expect(v.received.some((m) => m.type === "status" && !m.live)).toBe(false);
    expect(v.received.filter((m) => m.type === "snapshot")).toHaveLength(1);
    await v.cancel();
  });

  it("marks the list stale with the cluster's error when the tunnel drops, and goes live again on reconnect", async () => {
    const v = readSse(await callRoute("GET", "/api/v1/clusters/rsl/watch?resource=nodes", { token: fx.tokens.viewer }));
    await v.next((m) => m.type === "snapshot");
    await v.next((m) => m.type === "status" && m.live);
    fx.attached.cut();
    const down = await v.next((m) => m.type === "status" && !m.live, 20_000);
    expect(down).toMatchObject({ type: "status", live: false, error: { code: "unavailable" } });

    // Meanwhile the list route serves the last known nodes, marked stale, with the error.
    const list = (await (await callRoute("GET", "/api/v1/clusters/rsl/nodes", { token: fx.tokens.viewer })).json()) as TKubeList;
    expect(list).toMatchObject({ stale: true, error: { code: "unavailable" }, cluster: { connected: false } });
    expect(list.items).toHaveLength(3);

    reattached = await attachSimCluster("rsl", { server: fx.cluster.server, caPem: fx.cluster.caPem, token: fx.cluster.token });
    await v.next((m) => m.type === "status" && m.live, 20_000);
    const fresh = (await (await callRoute("GET", "/api/v1/clusters/rsl/nodes", { token: fx.tokens.viewer })).json()) as TKubeList;
    expect(fresh).toMatchObject({ stale: false, error: null });
    await v.cancel();
  });

  it("tells a new viewer of an unreachable cluster to come back later instead of failing", async () => {
    const closed = new Promise((resolve) => reattached!.consoleSession.once("close", resolve));
    reattached!.cut();
    await closed;
    const res = await callRoute("GET", "/api/v1/clusters/rsl/watch?resource=services", { token: fx.tokens.viewer });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^retry: \d+/);
    expect(text).toContain('"live":false');
  });
});
