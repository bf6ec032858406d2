import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { caChecksum } from "../src/verify-ca-checksum";
import { makeInClusterRoot, startAgent, type AgentProcess } from "./support/agent-process";
import { setupAgentHarness } from "./support/agent-harness";

const TOKEN = "regtoken-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const h = setupAgentHarness();

/** Starts the bundled agent in-cluster style (env + mounted secret under a path prefix). */
function runInCluster(root: string, env: Record<string, string> = {}): AgentProcess {
  const agent = startAgent(h.bundle, [], {
    OUTPOST_PATH_PREFIX: root,
    KUBERNETES_SERVICE_HOST: "127.0.0.1",
    KUBERNETES_SERVICE_PORT: String(h.apiserver.port),
    OUTPOST_CA_CHECKSUM: caChecksum(h.consoleCa.cert),
    ...env,
  });
  h.agents.push(agent);
  return agent;
}

function expectNoSecretsIn(output: string, ...secrets: string[]): void {
  for (const secret of secrets) expect(output).not.toContain(secret);
}

describe("agent enrolment (bundled agent, child process)", () => {
  it("exits 1 on a wrong CA checksum before the token is sent anywhere", async () => {
    const callsBefore = h.fakeConsole.registerCalls.length;
    const wrong = "ab".repeat(32);
    const root = makeInClusterRoot(h.apiserver, h.clusterCa.cert, { url: h.fakeConsole.url, token: TOKEN });
    const inCluster = runInCluster(root, { OUTPOST_CA_CHECKSUM: wrong });
    expect(await inCluster.exited).toBe(1);
    expect(inCluster.stderr()).toBe(`CA checksum mismatch: console serves ${caChecksum(h.consoleCa.cert)}, expected ${wrong}\n`);
    expect(h.fakeConsole.registerCalls.length).toBe(callsBefore);
    expectNoSecretsIn(inCluster.stdout() + inCluster.stderr(), TOKEN);
  });

  it("enrols, stores the credential in its Secret, reports hello, and restarts without the token", async () => {
    h.fakeConsole.tokens.set(TOKEN, "c-enrol");
    const root = makeInClusterRoot(h.apiserver, h.clusterCa.cert, { url: h.fakeConsole.url, token: TOKEN, "cluster-id": "c-enrol" });
    const hello = h.fakeConsole.nextHello();
    const agent = runInCluster(root);
    const tunnel = await hello;

    expect(h.fakeConsole.registerCalls.at(-1)).toMatchObject({ token: TOKEN, clusterId: "c-enrol", agentVersion: "0.1.0" });
    const stored = h.apiserver.secrets.get("outpost-system/outpost-agent-state") as { data: Record<string, string> };
    const credential = Buffer.from(stored.data.credential!, "base64").toString();
    expect(h.fakeConsole.credentials.get(credential)).toBe("c-enrol");
    expect(tunnel.credential).toBe(credential);
    expect(tunnel.controls.find((m) => m.type === "hello")).toMatchObject({ type: "hello", agentVersion: "0.1.0", kubernetesVersion: "v1.31.4+k3s1", nodeCount: 3, serverCount: 1, platform: "linux/amd64" });
    expect(tunnel.agentVersion).toBe("0.1.0");

    // SIGTERM closes the tunnel with a normal close code and exits 0.
    expect(await agent.stop()).toBe(0);
    expect((await tunnel.closed).code).toBe(1000);

    // Restart with the registration token removed (and revoked at the console).
    fs.rmSync(path.join(root, "etc/outpost/credentials/token"));
    h.fakeConsole.tokens.delete(TOKEN);
    const registerCalls = h.fakeConsole.registerCalls.length;
    const again = h.fakeConsole.nextHello();
    const restarted = runInCluster(root);
    const second = await again;
    expect(second.credential).toBe(credential);
    expect(h.fakeConsole.registerCalls.length).toBe(registerCalls);
    await restarted.waitForLog("using stored credential");
    expectNoSecretsIn(agent.stdout() + agent.stderr() + restarted.stdout() + restarted.stderr(), TOKEN, credential, h.apiserver.token);
  });

  it("exits 1 with the console's message when the token is refused", async () => {
    const root = makeInClusterRoot(h.apiserver, h.clusterCa.cert, { url: h.fakeConsole.url, token: "regtoken-garbage-000000000000" });
    // Its own namespace, so the state Secret of another test is not picked up.
    fs.writeFileSync(path.join(root, "var/run/secrets/kubernetes.io/serviceaccount/namespace"), "refused");
    const agent = runInCluster(root);
    expect(await agent.exited).toBe(1);
    expect(agent.stderr()).toBe("invalid registration token\n");
  });

  it("backs off on 429 and enrols once the console accepts", async () => {
    const token = "regtoken-429-aaaaaaaaaaaaaaaaaaaaaaaa";
    h.fakeConsole.tokens.set(token, "c-429");
    h.fakeConsole.registerFailures.push(429, 429);
    const root = makeInClusterRoot(h.apiserver, h.clusterCa.cert, { url: h.fakeConsole.url, token });
    fs.writeFileSync(path.join(root, "var/run/secrets/kubernetes.io/serviceaccount/namespace"), "ns-429");
    const hello = h.fakeConsole.nextHello();
    const agent = runInCluster(root);
    expect((await hello).clusterId).toBe("c-429");
    expect(agent.logs.filter((line) => line.event === "registration failed, retrying")).toHaveLength(2);
  });

  it("bare-host form: --kubeconfig with a 0600 state file, flags over env", async () => {
    const token = "regtoken-kubeconfig-bbbbbbbbbbbbbbbbbb";
    h.fakeConsole.tokens.set(token, "c-docker");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-agent-host-"));
    const kubeconfig = path.join(dir, "k3s.yaml");
    fs.writeFileSync(
      kubeconfig,
      [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        `- name: default\n  cluster:\n    server: ${h.apiserver.url}\n    certificate-authority-data: ${Buffer.from(h.clusterCa.cert).toString("base64")}`,
        `users:\n- name: default\n  user:\n    token: ${h.apiserver.token}`,
        "contexts:\n- name: default\n  context:\n    cluster: default\n    user: default",
        "current-context: default",
        "",
      ].join("\n"),
    );
    const stateDir = path.join(dir, "state");
    const hello = h.fakeConsole.nextHello();
    const agent = startAgent(
      h.bundle,
      ["--server", h.fakeConsole.url, "--token", token, "--ca-checksum", caChecksum(h.consoleCa.cert), "--kubeconfig", kubeconfig, "--state-dir", stateDir],
      { OUTPOST_SERVER: "https://127.0.0.1:1" }, // flags win over env
    );
    h.agents.push(agent);
    const tunnel = await hello;
    expect(tunnel.controls.find((m) => m.type === "hello")).toMatchObject({ nodeCount: 3, serverCount: 1 });
    const file = path.join(stateDir, "agent-state.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ clusterId: "c-docker", credential: tunnel.credential, server: h.fakeConsole.url });
  });
});
