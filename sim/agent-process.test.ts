import { stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal, type Simulator } from "./index";
import { podRoot } from "./kubelet/agent-process";
import type { Pod } from "./store/kube-types";

const STAND_IN = path.join(__dirname, "fixtures", "stand-in-agent.js");

async function api(c: SimClusterInternal, method: string, p: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const { default: https } = await import("node:https");
  return new Promise((resolve, reject) => {
    const req = https.request({ host: "127.0.0.1", port: c.port, path: p, method, ca: c.caPem, headers: { Authorization: `Bearer ${c.token}`, "Content-Type": "application/json" } }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => {
        let json: unknown;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, json, text });
      });
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Polls until check returns a value (bounded; no event exists for "pod reached a state"). */
async function until<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

function agentPod(name: string, args: string[], restartPolicy = "Always"): unknown {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default" },
    spec: {
      restartPolicy,
      terminationGracePeriodSeconds: 2,
      containers: [{ name: "agent", image: "outpost/agent:dev", args, env: [{ name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }, { name: "CATTLE_SERVER", valueFrom: { configMapKeyRef: { name: "agent-cfg", key: "server" } } }], volumeMounts: [{ name: "cfg", mountPath: "/etc/agent", readOnly: true }] }],
      volumes: [{ name: "cfg", configMap: { name: "agent-cfg", defaultMode: 0o444 } }],
    },
  };
}

describe("agent containers run as real child processes", () => {
  let sim: Simulator & { clusters: SimClusterInternal[] };
  let c: SimClusterInternal;
  beforeAll(async () => {
    sim = await startSimulator({ clusters: [{ name: "agent-test", scenarios: ["k3s"] }], agentCommand: ["node", STAND_IN], crashLoopBaseMs: 300, podStartMs: 50 });
    c = sim.clusters[0] as SimClusterInternal;
    const cm = await api(c, "POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "agent-cfg" }, data: { server: "https://console.test" } });
    expect(cm.status).toBe(201);
    // RBAC is on: the pods' service account may read its namespace once bound to "view".
    const rb = await api(c, "POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "default-view" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" }, subjects: [{ kind: "ServiceAccount", name: "default", namespace: "default" }] });
    expect(rb.status).toBe(201);
  });
  afterAll(async () => sim?.stop());

  it("runs with in-cluster config, env and mounted files; logs show its stdout", async () => {
    expect((await api(c, "POST", "/api/v1/namespaces/default/pods", agentPod("stay", ["--stay", "--print-file=etc/agent/server"]))).status).toBe(201);
    const log = await until(async () => {
      const r = await api(c, "GET", "/api/v1/namespaces/default/pods/stay/log");
      return r.status === 200 && r.text.includes("staying up") ? r.text : undefined;
    });
    expect(log).toContain("env POD_NAME=stay");
    expect(log).toContain("env CATTLE_SERVER=https://console.test");
    expect(log).toContain(`env KUBERNETES_SERVICE_PORT=${c.port}`);
    expect(log).toContain("file etc/agent/server=https://console.test");
    expect(log).toMatch(/in-cluster GET pods in default: status=200 items=\d+/);
    const pod = (await api(c, "GET", "/api/v1/namespaces/default/pods/stay")).json as Pod;
    expect(pod.status?.phase).toBe("Running");
    const root = podRoot(c.state, pod, "agent");
    expect((await stat(path.join(root, "etc/agent/server"))).mode & 0o777).toBe(0o444);
    // Deleting sends SIGTERM: the stand-in logs it and exits; the pod disappears.
    expect((await api(c, "DELETE", "/api/v1/namespaces/default/pods/stay")).status).toBe(200);
    await until(async () => ((await api(c, "GET", "/api/v1/namespaces/default/pods/stay")).status === 404 ? true : undefined));
  });

  it("exit codes drive restarts, lastState and CrashLoopBackOff; --previous shows the last run", async () => {
    expect((await api(c, "POST", "/api/v1/namespaces/default/pods", agentPod("crashy", ["--exit=3"]))).status).toBe(201);
    const pod = await until(async () => {
      const p = (await api(c, "GET", "/api/v1/namespaces/default/pods/crashy")).json as Pod;
      const cs = p.status?.containerStatuses?.[0];
      return cs && cs.restartCount >= 2 && cs.state.waiting?.reason === "CrashLoopBackOff" ? p : undefined;
    });
    const cs = pod.status?.containerStatuses?.[0];
    expect(cs?.lastState.terminated?.exitCode).toBe(3);
    expect(cs?.lastState.terminated?.reason).toBe("Error");
    expect(cs?.state.waiting?.message).toMatch(/^back-off \d+s restarting failed container=agent pod=crashy_default/);
    const prev = await api(c, "GET", "/api/v1/namespaces/default/pods/crashy/log?previous=true");
    expect(prev.text).toContain('stand-in agent args=["--exit=3"]');
  });

  it("restartPolicy Never: a clean exit completes the pod", async () => {
    expect((await api(c, "POST", "/api/v1/namespaces/default/pods", agentPod("oneshot", ["--exit=0"], "Never"))).status).toBe(201);
    const pod = await until(async () => {
      const p = (await api(c, "GET", "/api/v1/namespaces/default/pods/oneshot")).json as Pod;
      return p.status?.phase === "Succeeded" ? p : undefined;
    });
    expect(pod.status?.containerStatuses?.[0]?.state.terminated?.exitCode).toBe(0);
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(0);
  });

  it("partition SIGSTOPs agent processes and healing resumes them", async () => {
    expect((await api(c, "POST", "/api/v1/namespaces/default/pods", agentPod("paused", ["--stay"]))).status).toBe(201);
    await until(async () => ((await api(c, "GET", "/api/v1/namespaces/default/pods/paused/log")).text.includes("heartbeat") ? true : undefined));
    c.setFaults({ partition: true });
    const { agentRuntimes } = await import("./kubelet/run-kubelet");
    const pod = c.state.store.get("/pods", "default", "paused") as Pod;
    const rt = agentRuntimes.get(c.state)?.get(pod.metadata.uid)?.get("agent");
    expect(rt).toBeDefined();
    const before = rt?.current.logs.entries.length ?? 0;
    await new Promise((r) => setTimeout(r, 1200));
    expect(rt?.current.logs.entries.length).toBeLessThanOrEqual(before + 1);
    c.setFaults({});
    await until(async () => ((rt?.current.logs.entries.length ?? 0) > before + 1 ? true : undefined));
  });
});
