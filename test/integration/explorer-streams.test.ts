import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchHubStats } from "@/lib/server/explorer/watch-hub";
import type { TKubeList, TWatchMessage } from "@/lib/shared/explorer/explorer.schema";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";
import { readSse } from "./sse-reader";

describe("explorer streams: logs and live list updates", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture("live");
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const openStreams = () => fx.attached.consoleSession.stats().openStreams;
  const webPod = async () => {
    const res = await callRoute("GET", "/api/v1/clusters/live/pods?namespace=demo&labelSelector=app%3Dweb", { token: fx.tokens.viewer });
    return String(((await res.json()) as TKubeList).items[0]?.name);
  };
  // Upstream watch requests the console opened (the simulator audits a request only when it ends).
  const watchCount = () => watchHubStats().upstreamWatchesOpened;

  it("returns the last N log lines, with timestamps when asked", async () => {
    const pod = await webPod();
    const res = await callRoute("GET", `/api/v1/clusters/live/pods/demo/${pod}/logs?tailLines=3&timestamps=true`, { token: fx.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const lines = (await res.text()).trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ /);
    const download = await callRoute("GET", `/api/v1/clusters/live/pods/demo/${pod}/logs?tailLines=1&download=true`, { token: fx.tokens.viewer });
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${pod}.log"`);
    await download.text();
  });

  it("answers an unknown container with the cluster's 400 as an error body", async () => {
    const pod = await webPod();
    const res = await callRoute("GET", `/api/v1/clusters/live/pods/demo/${pod}/logs?container=nope`, { token: fx.tokens.viewer });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("follows a log, and the upstream stream ends when the reader leaves (no leaked tunnel streams)", async () => {
    const pod = await webPod();
    await eventually(() => openStreams() === 0, 10_000, "idle keep-alive streams to close");
    const res = await callRoute("GET", `/api/v1/clusters/live/pods/demo/${pod}/logs?tailLines=1&follow=true`, { token: fx.tokens.viewer });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/\S/);
    expect(openStreams()).toBeGreaterThanOrEqual(1);
    await reader.cancel();
    await eventually(() => openStreams() === 0, 10_000, "the follow's tunnel stream to close");
  });

  it("ends a follow when the request is aborted", async () => {
    const pod = await webPod();
    const controller = new AbortController();
    // callRoute has no signal: build the request like Next.js does when the client disconnects.
    const { GET } = await import("@/app/api/v1/clusters/[id]/pods/[namespace]/[name]/logs/route");
    const req = new Request(`https://localhost:8443/api/v1/clusters/live/pods/demo/${pod}/logs?tailLines=1&follow=true`, {
      headers: { authorization: `Bearer ${fx.tokens.viewer}`, host: "localhost:8443" },
      signal: controller.signal,
    });
    const res = await GET(req, { params: Promise.resolve({ id: "live", namespace: "demo", name: pod }) });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await eventually(() => openStreams() === 0, 10_000, "the follow's tunnel stream to close after abort");
  });

  it("shares one upstream watch between viewers and closes it when the last one leaves", async () => {
    const before = watchCount();
    const open = async () => {
      const res = await callRoute("GET", "/api/v1/clusters/live/watch?resource=pods&namespace=demo", { token: fx.tokens.viewer });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      return readSse(res);
    };
    const viewers = await Promise.all(Array.from({ length: 5 }, open));
    for (const v of viewers) {
      const snapshot = (await v.next((m) => m.type === "snapshot")) as Extract<TWatchMessage, { type: "snapshot" }>;
      expect(snapshot.items.length).toBeGreaterThan(5);
      expect(await v.next((m) => m.type === "status")).toMatchObject({ live: true, error: null });
    }
    await eventually(() => watchCount() > before, 5_000, "the upstream watch");
    expect(watchCount() - before).toBe(1);
    expect(watchHubStats()).toMatchObject({ informers: 1, viewers: 5, openUpstreamWatches: 1 });
    // Measured at the tunnel too: the five viewers hold one stream (idle keep-alive ones aside).
    await eventually(() => openStreams() === 1, 10_000, "one tunnel stream for five viewers");

    // A change reaches every viewer.
    const pod = await webPod();
    const del = await callRoute("DELETE", `/api/v1/clusters/live/pods/demo/${pod}`, { token: fx.tokens.operator });
    expect(del.status).toBe(200);
    for (const v of viewers) {
      await v.next((m) => m.type === "change" && m.object.metadata?.name === pod && (m.event === "DELETED" || !!m.object.metadata?.deletionTimestamp));
    }

    // The list route now serves from the shared cache, with the informer's resourceVersion.
    const list = (await (await callRoute("GET", "/api/v1/clusters/live/pods?namespace=demo", { token: fx.tokens.viewer })).json()) as TKubeList;
    expect(list.resourceVersion).toBeTruthy();
    expect(list.stale).toBe(false);

    for (const v of viewers) await v.cancel();
    await eventually(() => watchHubStats().informers === 0 && watchHubStats().openUpstreamWatches === 0, 10_000, "the informer to stop");
    expect(watchCount() - before).toBe(1);
    await eventually(() => openStreams() === 0, 10_000, "the watch's tunnel stream to close");
    // The shared list ran as the console; each viewer's access was checked as the viewer.
    const lists = fx.cluster.audit().filter((a) => a.verb === "list" && a.resource === "pods" && a.namespace === "demo");
    expect(lists.some((a) => a.impersonatedUser === undefined && !a.requestURI.includes("limit=1"))).toBe(true);
    expect(lists.some((a) => a.impersonatedUser === "outpost:vic")).toBe(true);
  });

  it("skips the snapshot when the viewer's list came from the same cache", async () => {
    const first = readSse(await callRoute("GET", "/api/v1/clusters/live/watch?resource=namespaces", { token: fx.tokens.viewer }));
    const snap = (await first.next((m) => m.type === "snapshot")) as Extract<TWatchMessage, { type: "snapshot" }>;
    const second = readSse(await callRoute("GET", `/api/v1/clusters/live/watch?resource=namespaces&resourceVersion=${snap.resourceVersion}`, { token: fx.tokens.viewer }));
    expect(await second.next()).toMatchObject({ type: "status", live: true });
    expect(second.received.some((m) => m.type === "snapshot")).toBe(false);
    await first.cancel();
    await second.cancel();
  });

  it("replays the changes a viewer missed since its list instead of a snapshot", async () => {
    const keeper = readSse(await callRoute("GET", "/api/v1/clusters/live/watch?resource=pods&namespace=demo", { token: fx.tokens.viewer }));
    await keeper.next((m) => m.type === "status");
    const list = (await (await callRoute("GET", "/api/v1/clusters/live/pods?namespace=demo", { token: fx.tokens.viewer })).json()) as TKubeList;
    const pod = String(list.items.find((i) => String(i.name).startsWith("web-"))?.name);
    expect((await callRoute("DELETE", `/api/v1/clusters/live/pods/demo/${pod}`, { token: fx.tokens.operator })).status).toBe(200);
    await keeper.next((m) => m.type === "change" && m.object.metadata?.name === pod);
    const late = readSse(await callRoute("GET", `/api/v1/clusters/live/watch?resource=pods&namespace=demo&resourceVersion=${list.resourceVersion}`, { token: fx.tokens.viewer }));
    const first = await late.next();
    expect(first).toMatchObject({ type: "change", object: { metadata: { name: pod } } });
    await late.next((m) => m.type === "status");
    expect(late.received.some((m) => m.type === "snapshot")).toBe(false);
    // A version the informer never had (or forgot) gets a snapshot.
    const stranger = readSse(await callRoute("GET", "/api/v1/clusters/live/watch?resource=pods&namespace=demo&resourceVersion=1", { token: fx.tokens.viewer }));
    expect((await stranger.next()).type).toBe("snapshot");
    for (const v of [keeper, late, stranger]) await v.cancel();
  });

  it("resumes after the cluster drops the watch", async () => {
    fx.cluster.setFaults({ dropWatchesAfterMs: 300 });
    const v = readSse(await callRoute("GET", "/api/v1/clusters/live/watch?resource=pods&namespace=demo", { token: fx.tokens.viewer }));
    await v.next((m) => m.type === "snapshot");
    const before = watchCount();
    await eventually(() => watchCount() >= before + 2, 10_000, "re-watches after drops");
    fx.cluster.setFaults({});
    const pod = await webPod();
    await callRoute("DELETE", `/api/v1/clusters/live/pods/demo/${pod}`, { token: fx.tokens.operator });
    await v.next((m) => m.type === "change" && m.object.metadata?.name === pod, 10_000);
    await v.cancel();
  });

  it("refuses a viewer-less request and bad queries", async () => {
    expect((await callRoute("GET", "/api/v1/clusters/live/watch?resource=pods")).status).toBe(401);
    expect((await callRoute("GET", "/api/v1/clusters/live/watch?resource=widgets", { token: fx.tokens.viewer })).status).toBe(422);
  });
});
