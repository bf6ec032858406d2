import { once } from "node:events";
import https from "node:https";
import { Writable } from "node:stream";
import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/agent/src/logger";
import { createKubeProxy, type KubeProxy } from "@/agent/src/serve-kube-proxy";
import { startFakeApiserver, type FakeApiserver } from "@/agent/test/support/fake-apiserver";
import { makeTestCa } from "@/agent/test/support/make-pki";
import { createTunnelKubeConfig } from "../kubeconfig";
import { connectSessionPair, type SessionPair } from "./session-pair";

let apiserver: FakeApiserver;
let proxy: KubeProxy;
let pair: SessionPair;
let kc: k8s.KubeConfig;
let caPem: string;

/** Collects what client-node writes into a Writable (log follow, exec stdout). */
function sink() {
  const state = { text: "" };
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      state.text += chunk.toString("utf8");
      callback();
    },
  });
  return { writable, state };
}

beforeAll(async () => {
  const ca = await makeTestCa("kubeconfig-test-ca");
  caPem = ca.cert;
  apiserver = await startFakeApiserver(ca);
  proxy = createKubeProxy(
    {
      url: new URL(apiserver.url),
      tls: { ca: Buffer.from(ca.cert), rejectUnauthorized: true },
      authorization: () => `Bearer ${apiserver.token}`,
      namespace: undefined,
      inCluster: false,
    },
    createLogger(() => {}),
  );
  pair = await connectSessionPair({}, {
    onStream: (stream, target) => {
      if (target !== "k8s") throw new Error("unknown target");
      proxy.handleStream(stream);
    },
  });
  const session = pair.console;
  kc = createTunnelKubeConfig(() => session.openStream("k8s"), { name: "c1", impersonateUser: "alice@example.com" });
}, 60_000);

afterAll(async () => {
  await pair?.dispose();
  proxy?.close();
  await apiserver?.close();
});

/** The same list, straight from the fake apiserver (the "direct call" of the acceptance test). */
async function listPodsDirect(): Promise<unknown> {
  const response = await new Promise<import("node:http").IncomingMessage>((resolve, reject) => {
    https
      .get(`${apiserver.url}/api/v1/namespaces/default/pods`, { ca: caPem, headers: { authorization: `Bearer ${apiserver.token}` } }, resolve)
      .on("error", reject);
  });
  let body = "";
  for await (const chunk of response) body += (chunk as Buffer).toString();
  return JSON.parse(body);
}

describe("client-node through the tunnel", () => {
  it("lists pods: the same objects as a direct call, authenticated by the agent", async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const list = await core.listNamespacedPod({ namespace: "default" });
    const direct = (await listPodsDirect()) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((p) => p.metadata?.name)).toEqual(direct.items.map((p) => p.metadata.name));
    expect(list.items.map((p) => p.metadata?.name)).toEqual(["web-1", "web-2"]);

    const seen = apiserver.requests.find((r) => r.path.startsWith("/api/v1/namespaces/default/pods") && r.headers["impersonate-user"]);
    expect(seen?.authorization).toBe(`Bearer ${apiserver.token}`);
    expect(seen?.headers["impersonate-user"]).toBe("alice@example.com");
  });

  it("repeats lists larger than the flow-control window on kept-alive streams", async () => {
    const big = Array.from({ length: 200 }, (_, i) => ({ kind: "Pod", metadata: { name: `big-${i}`, namespace: "default", annotations: { pad: "x".repeat(4000) } } }));
    apiserver.pods.push(...big);
    try {
      const core = kc.makeApiClient(k8s.CoreV1Api);
      for (let i = 0; i < 10; i++) {
        const list = await core.listNamespacedPod({ namespace: "default" });
        expect(list.items).toHaveLength(202);
      }
      // Sequential calls reuse kept-alive streams instead of opening ten.
      expect(pair.console.stats().openStreams).toBeLessThanOrEqual(3);
      expect(pair.console.stats().bytesIn).toBeGreaterThan(10 * 800_000);
    } finally {
      apiserver.pods.splice(2);
    }
  });

  it("streams a watch: events arrive while the request stays open", async () => {
    const events: { type: string; name: string }[] = [];
    const gotEvent = new Promise<void>((resolve) => {
      void new k8s.Watch(kc)
        .watch(
          "/api/v1/namespaces/default/pods",
          {},
          (type, object: k8s.V1Pod) => {
            events.push({ type, name: object.metadata?.name ?? "" });
            if (events.length === 2) resolve();
          },
          () => {},
        )
        .then((controller) => gotEvent.finally(() => controller.abort()));
    });
    await once(apiserver.events, "watch");
    apiserver.sendWatchEvent("ADDED", { kind: "Pod", metadata: { name: "web-3" } });
    apiserver.sendWatchEvent("DELETED", { kind: "Pod", metadata: { name: "web-1" } });
    await gotEvent;
    expect(events).toEqual([
      { type: "ADDED", name: "web-3" },
      { type: "DELETED", name: "web-1" },
    ]);
    // Aborting the watch closes the apiserver request behind the agent as well.
    await expect.poll(() => apiserver.watchers.size).toBe(0);
  });

  it("follows a log: lines written later arrive through the stream", async () => {
    const out = sink();
    // client-node 2.0.1 pipes an internal stream into ours without an error listener, so
    // abort() would surface as an uncaught AbortError. The "pipe" event hands us that source.
    out.writable.on("pipe", (source) => source.on("error", () => {}));
    const following = once(apiserver.events, "log");
    const controller = await new k8s.Log(kc).log("default", "web-1", "main", out.writable, { follow: true });
    await following;
    apiserver.sendLogLine("second line");
    await expect.poll(() => out.state.text).toBe("first line of web-1\nsecond line\n");
    controller.abort();
    await expect.poll(() => apiserver.logFollowers.size).toBe(0);
  });

  it("runs exec over a WebSocket upgrade through the tunnel", async () => {
    const out = sink();
    const finished = new Promise<k8s.V1Status>((resolve) => {
      void new k8s.Exec(kc).exec("default", "web-1", "main", ["echo", "hi"], out.writable, null, null, false, resolve);
    });
    const result = await finished;
    expect(result.status).toBe("Success");
    expect(out.state.text).toBe("hello from exec\n");
    const upgrade = apiserver.requests.find((r) => r.path.includes("/exec"));
    expect(upgrade?.authorization).toBe(`Bearer ${apiserver.token}`);
  });
});
