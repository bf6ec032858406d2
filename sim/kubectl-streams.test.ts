import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startSimulator, type SimClusterInternal, type Simulator } from "./index";
import type { Pod } from "./store/kube-types";
import { waitForStore } from "./test/wait-for-store";
import { dispatcherKubectl, kubectl } from "./test/run-kubectl";

// Real kubectl against the simulator's streaming and metrics APIs: exec (WebSocket,
// kubectl 1.33 pinned; SPDY-only kubectl 1.27 against a v1.27 cluster), port-forward and top.

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: streams
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
  namespace: streams
data:
  mode: production
---
apiVersion: v1
kind: Secret
metadata:
  name: app-secret
  namespace: streams
stringData:
  password: s3cret
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shell
  namespace: streams
spec:
  replicas: 1
  selector: {matchLabels: {app: shell}}
  template:
    metadata: {labels: {app: shell}}
    spec:
      containers:
      - name: web
        image: nginx:1.27.3
        ports: [{containerPort: 80}]
        env: [{name: GREETING, value: hello}]
        volumeMounts:
        - {name: config, mountPath: /etc/app}
        - {name: secret, mountPath: /etc/secret, readOnly: true}
      volumes:
      - {name: config, configMap: {name: app-config}}
      - {name: secret, secret: {secretName: app-secret}}
`;

/** Runs kubectl under script(1) so it has a terminal; `steps` answer what it prints. */
function withTerminal(args: string[], steps: { expect: RegExp; send: string }[]): Promise<{ output: string; code: number | null }> {
  const cmd = `stty cols 100 rows 30; exec ${[dispatcherKubectl(33), ...args].map((a) => `'${a}'`).join(" ")}`;
  const child = spawn("script", ["-qec", cmd, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  let next = 0;
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString("utf8");
    // Answer each expected output once, in order, as it appears.
    while (next < steps.length && steps[next]!.expect.test(output)) child.stdin.write(steps[next++]!.send);
  });
  return new Promise((resolve) => child.on("close", (code) => {
    clearTimeout(timer);
    resolve({ output, code });
  }));
}

/** Runs `kubectl port-forward … :<remote>` (a free local port); resolves once it forwards. */
function portForward(bin: string, args: string[], env: Record<string, string> = {}): Promise<{ port: number; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let output = "";
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`port-forward did not start: ${output}`)), 15_000);
    const onData = (d: Buffer): void => {
      output += d.toString("utf8");
      const m = /Forwarding from 127\.0\.0\.1:(\d+) ->/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      resolve({ port: Number(m[1]), output: () => output, stop: () => (child.kill("SIGTERM"), exited) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", () => reject(new Error(`port-forward exited: ${output}`)));
  });
}

describe("kubectl exec, port-forward and top against the simulator", () => {
  let sim: Simulator;
  let dir: string;
  let kc: string;
  let kcOld: string;
  let pod: string;
  const k = (args: string[], opts?: { timeoutMs?: number; input?: string }) => kubectl(kc, args, { bin: dispatcherKubectl(33), ...opts });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sim-streams-"));
    sim = await startSimulator({ clusters: [{ name: "streams", scenarios: ["k3s", "demo"] }, { name: "old", scenarios: ["k3s"], version: "v1.27.16+k3s1" }], kubeconfigDir: dir, crashLoopBaseMs: 500, podStartMs: 50 });
    kc = sim.clusters[0]!.kubeconfigPath ?? "";
    kcOld = sim.clusters[1]!.kubeconfigPath ?? "";
    const apply = await k(["apply", "-f", "-"], { input: MANIFEST });
    expect(apply.stderr).toBe("");
    const ro = await k(["-n", "streams", "rollout", "status", "deployment/shell", "--timeout=20s"], { timeoutMs: 25_000 });
    expect(ro.stdout).toContain("successfully rolled out");
    pod = (await k(["-n", "streams", "get", "pods", "-l", "app=shell", "-o", "name"])).stdout.trim();
    expect(pod).toMatch(/^pod\/shell-/);
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("exec -- echo hi over WebSocket, audited as get pods/exec with 101", async () => {
    const r = await k(["-n", "streams", "exec", pod, "--", "echo", "hi"]);
    expect(r).toEqual({ stdout: "hi\n", stderr: "", code: 0 });
    const name = pod.replace("pod/", "");
    expect(sim.clusters[0]!.audit().filter((a) => a.subresource === "exec" && a.name === name).at(-1)).toMatchObject({ verb: "get", method: "GET", resource: "pods", namespace: "streams", code: 101 });
  });

  it("exec sees the pod: hostname, env, mounted ConfigMap and Secret, service-account namespace, os-release", async () => {
    const r = await k(["-n", "streams", "exec", pod, "--", "sh", "-c", "hostname; echo $GREETING; cat /etc/app/mode; echo; cat /etc/secret/password; echo; cat /var/run/secrets/kubernetes.io/serviceaccount/namespace; echo; ls /etc/secret; cat /etc/os-release"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 6)).toEqual([pod.replace("pod/", ""), "hello", "production", "s3cret", "streams", "password"]);
    expect(r.stdout).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
  });

  it("exec propagates exit codes: 3 from exit 3, 127 for an unknown command", async () => {
    const three = await k(["-n", "streams", "exec", pod, "--", "sh", "-c", "echo before; exit 3"]);
    expect(three.code).toBe(3);
    expect(three.stdout).toBe("before\n");
    expect(three.stderr).toContain("command terminated with exit code 3");
    const unknown = await k(["-n", "streams", "exec", pod, "--", "sh", "-c", "foo"]);
    expect(unknown.code).toBe(127);
    expect(unknown.stderr).toContain("sh: foo: not found");
  });

  it("exec -i passes stdin: cat echoes it, sh runs it", async () => {
    const cat = await k(["-n", "streams", "exec", "-i", pod, "--", "cat"], { input: "line one\nline two\n" });
    expect(cat).toEqual({ stdout: "line one\nline two\n", stderr: "", code: 0 });
    const sh = await k(["-n", "streams", "exec", "-i", pod, "--", "sh"], { input: "echo from-stdin && hostname\nexit 5\n" });
    expect(sh.code).toBe(5);
    expect(sh.stdout).toBe(`from-stdin\n${pod.replace("pod/", "")}\n`);
  });

  it("exec -it gives a prompt, echoes input and reports the terminal size", async () => {
    const r = await withTerminal(["--kubeconfig", kc, "-n", "streams", "exec", "-it", pod, "--", "sh"], [
      { expect: /\/ # $/, send: "stty size\r" },
      { expect: /30 100\r\n\/ # $/, send: "echo tty-ok\r" },
      { expect: /tty-ok\r\n\/ # $/, send: "exit 2\r" },
    ]);
    expect(r.output).toContain("/ # stty size\r\n30 100\r\n");
    expect(r.output).toContain("/ # echo tty-ok\r\ntty-ok\r\n");
    expect(r.code).toBe(2);
  });

  it("kubectl 1.27 (SPDY only) is refused with a clear message", async () => {
    const traefik = (await kubectl(kcOld, ["-n", "kube-system", "get", "pods", "-l", "app.kubernetes.io/name=traefik", "-o", "name"], { bin: dispatcherKubectl(27) })).stdout.trim();
    expect(traefik).toMatch(/^pod\/traefik-/);
    const r = await kubectl(kcOld, ["-n", "kube-system", "exec", traefik, "--", "echo", "hi"], { bin: dispatcherKubectl(27) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("SPDY/3.1 clients (kubectl ≤ 1.29) are not supported");
  });

  it("top nodes prints CPU and memory within each node's allocatable", async () => {
    const r = await k(["top", "nodes"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME\s+CPU\(cores\)\s+CPU(\(%\)|%)\s+MEMORY\(bytes\)\s+MEMORY(\(%\)|%)/);
    const rows = r.stdout.trim().split("\n").slice(1).map((l) => l.split(/\s+/));
    expect(rows.map((x) => x[0]).sort()).toEqual(["streams-agent-1", "streams-agent-2", "streams-server"]);
    for (const [, cpu, cpuPct, mem, memPct] of rows) {
      expect(cpu).toMatch(/^\d+m$/);
      expect(mem).toMatch(/^\d+Mi$/);
      expect(Number(cpuPct!.replace("%", ""))).toBeLessThanOrEqual(100);
      expect(Number(memPct!.replace("%", ""))).toBeLessThanOrEqual(100);
    }
  });

  it("top pods -A --containers: the busy api uses more than nginx, the crash-looping worker little", async () => {
    // The worker's first run (restartCount 0) is not yet a crash loop; wait until it has crashed once.
    const state = (sim.clusters[0] as SimClusterInternal).state;
    await waitForStore(state, "the demo worker restarted", () =>
      (state.store.list("/pods", "demo") as Pod[]).some((p) => p.metadata.name.startsWith("worker-") && (p.status?.containerStatuses?.[0]?.restartCount ?? 0) > 0));
    const r = await k(["top", "pods", "-A", "--containers"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAMESPACE\s+POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
    const rows = r.stdout.trim().split("\n").slice(1).map((l) => l.split(/\s+/));
    const cpuOf = (pod: RegExp) => rows.filter((x) => pod.test(x[1] ?? "")).map((x) => Number(x[3]!.replace("m", "")));
    expect(rows.some((x) => x[0] === "kube-system" && x[1]!.startsWith("coredns-") && x[2] === "coredns")).toBe(true);
    expect(Math.min(...cpuOf(/^api-/))).toBeGreaterThan(Math.max(...cpuOf(/^web-/), ...cpuOf(/^worker-/)));
    expect(Math.max(...cpuOf(/^worker-/), 0)).toBeLessThanOrEqual(1);
    const one = await k(["top", "pod", "-n", "streams", pod.replace("pod/", ""), "--containers"]);
    expect(one.stdout).toMatch(/shell-\S+\s+web\s+\d+m\s+\d+Mi/);
  });

  it("port-forward with kubectl 1.33, SPDY tunnelled in a WebSocket (its default) and plain SPDY (KUBECTL_PORT_FORWARD_WEBSOCKETS=false): nginx's page", async () => {
    const name = pod.replace("pod/", "");
    for (const [env, verb] of [[{}, "get"], [{ KUBECTL_PORT_FORWARD_WEBSOCKETS: "false" }, "create"]] as const) {
      const pf = await portForward(dispatcherKubectl(33), ["--kubeconfig", kc, "-n", "streams", "port-forward", pod, ":80"], env);
      try {
        const res = await fetch(`http://127.0.0.1:${pf.port}/`);
        expect(res.status).toBe(200);
        expect(res.headers.get("server")).toBe("nginx/1.27.3");
        expect(await res.text()).toContain("<title>Welcome to nginx!</title>");
        expect((await fetch(`http://127.0.0.1:${pf.port}/missing`)).status).toBe(404);
      } finally {
        await pf.stop();
      }
      expect(sim.clusters[0]!.audit().filter((a) => a.subresource === "portforward" && a.name === name).at(-1)).toMatchObject({ verb, code: 101 });
    }
  });

  it("port-forward to an undeclared port is refused like containerd", async () => {
    const refused = await portForward(dispatcherKubectl(33), ["--kubeconfig", kc, "-n", "streams", "port-forward", pod, ":81"]);
    await expect(fetch(`http://127.0.0.1:${refused.port}/`)).rejects.toThrow();
    await refused.stop();
    expect(refused.output()).toMatch(/error forwarding port 81 to pod \S+, uid : .*dial tcp4 127\.0\.0\.1:81: connect: connection refused/);
  });

  it("port-forward with kubectl 1.27 (plain SPDY/3.1) works", async () => {
    const run = await kubectl(kcOld, ["run", "web", "--image=nginx:1.27.3", "--port=80"], { bin: dispatcherKubectl(27) });
    expect(run.stdout).toContain("pod/web created");
    const ready = await kubectl(kcOld, ["wait", "--for=condition=Ready", "pod/web", "--timeout=20s"], { bin: dispatcherKubectl(27), timeoutMs: 25_000 });
    expect(ready.stdout).toContain("condition met");
    const pf = await portForward(dispatcherKubectl(27), ["--kubeconfig", kcOld, "port-forward", "pod/web", ":80"]);
    try {
      expect(await (await fetch(`http://127.0.0.1:${pf.port}/`)).text()).toContain("Welcome to nginx!");
    } finally {
      await pf.stop();
    }
    expect(sim.clusters[1]!.audit().filter((a) => a.subresource === "portforward").at(-1)).toMatchObject({ verb: "create", method: "POST", code: 101 });
  });

  it("port-forward over the channel protocol (v4.channel.k8s.io, as @kubernetes/client-node)", async () => {
    const c = sim.clusters[0]!;
    const ws = new WebSocket(`wss://127.0.0.1:${c.port}/api/v1/namespaces/streams/pods/${pod.replace("pod/", "")}/portforward?ports=80`, ["v4.channel.k8s.io"], { ca: c.caPem, headers: { authorization: `Bearer ${c.token}` } });
    const received: Buffer[] = [];
    const done = new Promise<string>((resolve, reject) => {
      ws.on("message", (m: Buffer) => {
        received.push(m);
        const body = Buffer.concat(received.filter((x) => x[0] === 0).map((x) => x.subarray(1))).subarray(2).toString("utf8");
        if (body.includes("</html>")) resolve(body);
      });
      ws.on("error", reject);
    });
    await new Promise((resolve) => ws.once("open", resolve));
    expect(ws.protocol).toBe("v4.channel.k8s.io");
    ws.send(Buffer.concat([Buffer.from([0]), Buffer.from("GET / HTTP/1.0\r\nHost: x\r\n\r\n")]));
    const body = await done;
    ws.close();
    expect(body).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(body).toContain("Welcome to nginx!");
    // Both channels of port 80 announce the port first (two bytes, little endian).
    expect(received.filter((x) => x[0] === 1)[0]).toEqual(Buffer.from([1, 80, 0]));
  });
});
