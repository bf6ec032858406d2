import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import * as k8s from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { AGENT_PROTOCOL } from "@/lib/tunnel";
import { createTunnelKubeConfig } from "@/lib/tunnel/kubeconfig";
import { caChecksum } from "../src/verify-ca-checksum";
import { makeInClusterRoot, startAgent } from "./support/agent-process";
import type { ConsoleTunnel } from "./support/fake-console";
import { setupAgentHarness } from "./support/agent-harness";

const h = setupAgentHarness();

/**
 * Starts an in-cluster agent for cluster `name` (its own namespace, so its state Secret is its
 * own) and waits for its hello. `keepToken: false` removes the token from the mounted secret
 * once enrolled, like an operator would.
 */
async function connectAgent(name: string, options: { keepToken?: boolean; env?: Record<string, string> } = {}) {
  const token = `regtoken-${name}-${"x".repeat(24)}`;
  h.fakeConsole.tokens.set(token, name);
  const root = makeInClusterRoot(h.apiserver, h.clusterCa.cert, { url: h.fakeConsole.url, token });
  fs.writeFileSync(path.join(root, "var/run/secrets/kubernetes.io/serviceaccount/namespace"), name);
  const hello = waitForHello(name);
  const agent = startAgent(h.bundle, [], {
    OUTPOST_PATH_PREFIX: root,
    KUBERNETES_SERVICE_HOST: "127.0.0.1",
    KUBERNETES_SERVICE_PORT: String(h.apiserver.port),
    OUTPOST_CA_CHECKSUM: caChecksum(h.consoleCa.cert),
    ...options.env,
  });
  h.agents.push(agent);
  const tunnel = await hello;
  if (options.keepToken === false) fs.rmSync(path.join(root, "etc/outpost/credentials/token"));
  return { agent, tunnel, token, root };
}

/** The next hello from cluster `name` (other tests' h.agents may say hello meanwhile). */
function waitForHello(name: string): Promise<ConsoleTunnel> {
  return new Promise((resolve) => {
    const onHello = (tunnel: ConsoleTunnel) => {
      if (tunnel.clusterId !== name) return;
      h.fakeConsole.off("hello", onHello);
      resolve(tunnel);
    };
    h.fakeConsole.on("hello", onHello);
  });
}

describe("agent tunnel (bundled agent, child process)", () => {
  it("lets the console list nodes and follow a watch through the tunnel", async () => {
    const { tunnel } = await connectAgent("c-list");
    const kc = createTunnelKubeConfig(() => tunnel.session.openStream("k8s"));
    const nodes = await kc.makeApiClient(k8s.CoreV1Api).listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(["server-0", "agent-0", "agent-1"]);

    const watchOpen = new Promise((resolve) => h.apiserver.events.once("watch", resolve));
    const event = new Promise<string>((resolve) => {
      void new k8s.Watch(kc)
        .watch("/api/v1/namespaces/default/pods", {}, (type, pod: k8s.V1Pod) => resolve(`${type} ${pod.metadata?.name}`), () => {})
        .then((controller) => event.finally(() => controller.abort()));
    });
    await watchOpen;
    h.apiserver.sendWatchEvent("MODIFIED", { kind: "Pod", metadata: { name: "web-2" } });
    expect(await event).toBe("MODIFIED web-2");
  });

  it("replaces the console's Authorization with its own and passes impersonation through", async () => {
    const { tunnel } = await connectAgent("c-auth");
    const stream = await tunnel.session.openStream("k8s");
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .request(
          {
            createConnection: () => stream as unknown as net.Socket,
            path: "/api/v1/nodes?marker=auth-test",
            headers: { Authorization: "Bearer console-must-not-leak", "Impersonate-User": "bob", "Impersonate-Group": ["ops", "viewers"] },
          },
          resolve,
        )
        .on("error", reject)
        .end();
    });
    expect(response.statusCode).toBe(200);
    response.resume();
    const seen = h.apiserver.requests.find((r) => r.path === "/api/v1/nodes?marker=auth-test");
    expect(seen?.authorization).toBe(`Bearer ${h.apiserver.token}`);
    expect(JSON.stringify(h.apiserver.requests)).not.toContain("console-must-not-leak");
    expect(seen?.headers["impersonate-user"]).toBe("bob");
    expect(seen?.headers["impersonate-group"]).toBe("ops, viewers");
  });

  it("reports readiness on the control channel, first at once and then changes; a console that ignores it can still probe", async () => {
    const { tunnel } = await connectAgent("c-ready");
    expect(tunnel.protocol).toBe(String(AGENT_PROTOCOL));
    const readiness = () => tunnel.controls.filter((m) => m.type === "readiness");
    await expect.poll(readiness).toEqual([{ type: "readiness", ready: true }]);
    try {
      h.apiserver.readyzFailure = "injected";
      await expect.poll(readiness, { timeout: 12_000 }).toEqual([
        { type: "readiness", ready: true },
        { type: "readiness", ready: false, reason: "readyz answered 500: readyz check failed" },
      ]);
    } finally {
      h.apiserver.readyzFailure = undefined;
    }
    // An older console ignores the message and probes through the tunnel as before.
    const stream = await tunnel.session.openStream("k8s");
    const status = await new Promise<number>((resolve, reject) => {
      http.request({ path: "/readyz", createConnection: () => stream }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject).end();
    });
    expect(status).toBe(200);
  });

  it("logs its per-stream flow-control state on SIGUSR2", async () => {
    const { agent, tunnel } = await connectAgent("c-diag");
    const stream = await tunnel.session.openStream("k8s");
    agent.child.kill("SIGUSR2");
    const line = await agent.waitForLog("tunnel diagnostics");
    expect(line.openStreams).toBe(1);
    expect(line.streams).toEqual([expect.objectContaining({ id: stream.id, target: "k8s", sendWindow: 256 * 1024, uncredited: 0, open: true })]);
  });

  it("refuses every stream target but the apiserver (no open proxy)", async () => {
    const { tunnel } = await connectAgent("c-target");
    await expect(tunnel.session.openStream("10.0.0.1:22")).rejects.toThrow('target "10.0.0.1:22" not allowed');
    await expect(tunnel.session.openStream("k8s")).resolves.toBeDefined();
  });

  it("reconnects by itself after the console restarts", async () => {
    const { tunnel } = await connectAgent("c-restart", { keepToken: false });
    const back = waitForHello("c-restart");
    await h.fakeConsole.stop();
    expect((await tunnel.closed).code).toBe(1012);
    await h.fakeConsole.start();
    const again = await back;
    expect(again.credential).toBe(tunnel.credential);
  });

  it("rotates its credential on request and uses the new one from then on", async () => {
    const { agent, tunnel } = await connectAgent("c-rotate", { keepToken: false });
    const rotated = `cred-rotated-${"r".repeat(32)}`;
    h.fakeConsole.credentials.set(rotated, "c-rotate");
    // The rotation's answer, not a readiness report that may cross it.
    const reply = new Promise((resolve) => {
      const onControl = (message: { type: string }) => {
        if (!message.type.startsWith("credential-")) return;
        tunnel.session.off("control", onControl);
        resolve(message);
      };
      tunnel.session.on("control", onControl);
    });
    tunnel.session.sendControl({ type: "rotate-credential", credential: rotated });
    expect(await reply).toEqual({ type: "credential-rotated" });
    const secret = h.apiserver.secrets.get("c-rotate/outpost-agent-state") as { data: Record<string, string> };
    expect(Buffer.from(secret.data.credential!, "base64").toString()).toBe(rotated);

    // Revoke the old credential; the reconnection must use the rotated one.
    h.fakeConsole.credentials.delete(tunnel.credential);
    const back = waitForHello("c-rotate");
    tunnel.session.close(1012, "console restarting");
    expect((await back).credential).toBe(rotated);
    expect(agent.stdout()).not.toContain(rotated);
  });

  it("re-enrols once with its token when the credential is rejected, and exits 1 without a token", async () => {
    const withToken = await connectAgent("c-reenrol");
    h.fakeConsole.credentials.delete(withToken.tunnel.credential);
    const back = waitForHello("c-reenrol");
    withToken.tunnel.session.close(1012, "console restarting");
    const again = await back;
    expect(again.credential).not.toBe(withToken.tunnel.credential);

    const withoutToken = await connectAgent("c-revoked", { keepToken: false });
    h.fakeConsole.credentials.delete(withoutToken.tunnel.credential);
    withoutToken.tunnel.session.close(1012, "console restarting");
    expect(await withoutToken.agent.exited).toBe(1);
    expect(withoutToken.agent.stderr()).toMatch(/^console rejected the agent credential \(401\): .*re-import the cluster/);
  });

  it("serves /healthz while the tunnel is up; a taken port only logs a warning", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const first = await connectAgent("c-health-1", { env: { OUTPOST_HEALTH_PORT: String(port) } });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http.get(`http://127.0.0.1:${port}/healthz`, (res) => resolve(res.statusCode)).on("error", reject);
    });
    expect(status).toBe(200);
    const second = await connectAgent("c-health-2", { env: { OUTPOST_HEALTH_PORT: String(port) } });
    expect(await second.agent.waitForLog("health endpoint disabled")).toMatchObject({ error: "EADDRINUSE" });
    expect(first.agent.child.exitCode).toBeNull();
  });
});
