import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyClusterChanged } from "@/lib/server/clusters/cluster-change-events";
import type { TChangesEvent } from "@/lib/shared/explorer/explorer.schema";
import { callRoute } from "../helpers/routes";
import { startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";
import { readSse } from "./sse-reader";

// Overview and object pages stay live by server push: a scale shows up as a `changed`
// event at once (no 10 s / 30 s poll), and so does a change of the cluster's own row.
describe("cluster changes stream", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture("changes");
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("pushes a deployment's scale 3 → 5 and the pods it starts, then a cluster state change", async () => {
    const res = await callRoute("GET", "/api/v1/clusters/changes/changes?resources=deployments,pods,events&namespace=demo", { token: fx.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = readSse<TChangesEvent>(res);
    try {
      const started = Date.now();
      const scaled = await callRoute("POST", "/api/v1/clusters/changes/deployments/demo/web/scale", { token: fx.tokens.operator, body: { replicas: 5 } });
      expect(scaled.status).toBe(200);
      await events.next((e) => e.resources.includes("deployments"), 5_000);
      await events.next((e) => e.resources.includes("pods"), 5_000);
      expect(Date.now() - started).toBeLessThan(5_000);

      notifyClusterChanged(["changes"]);
      expect(await events.next((e) => e.cluster, 2_000)).toMatchObject({ cluster: true });
    } finally {
      await events.cancel();
    }
  });

  it("refuses an unknown resource with a 4xx naming it", async () => {
    const res = await callRoute("GET", "/api/v1/clusters/changes/changes?resources=pods,widgets", { token: fx.tokens.viewer });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain("resources");
  });
});
