// Real kubectl (the /usr/bin/kubectl dispatcher → kubectl 1.31 for the simulator's
// v1.31.4+k3s1) with a kubeconfig downloaded from the console, against the console's
// passthrough served by a real HTTPS server with the console's own certificate.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { prisma } from "@/lib/server/db/prisma";
import { registerKubePassthrough } from "@/lib/server/k8s/passthrough/register-kube-passthrough";
import { findRawHandler } from "@/lib/server/runtime/raw-handlers";
import { getRuntimeContext, setRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { findUpgradeHandler } from "@/lib/server/runtime/upgrade-handlers";
import { ensureConsoleTls } from "@/lib/server/tls/ensure-console-tls";
import { helmLifecycle } from "@/sim/test/helm-lifecycle";
import { helm } from "@/sim/test/run-helm";
import { kubectl } from "@/sim/test/run-kubectl";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: passthrough-check
  namespace: demo
data:
  greeting: hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
  namespace: demo
spec:
  replicas: 1
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      containers:
      - name: hello
        image: nginx:1.27.3
`;

describe("kubectl through the console passthrough", () => {
  let fx: ExplorerFixture;
  let server: https.Server;
  let dir: string;
  const kubeconfigs: Record<"admin" | "operator" | "viewer", string> = { admin: "", operator: "", viewer: "" };
  const k = (who: "operator" | "viewer", args: string[], opts?: { timeoutMs?: number; input?: string }) => kubectl(kubeconfigs[who], ["--request-timeout=15s", ...args], opts);

  beforeAll(async () => {
    fx = await startExplorerFixture("kp");
    registerKubePassthrough();
    const tls = await ensureConsoleTls(getRuntimeContext().config);
    server = https.createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
      req.headers["x-outpost-client-ip"] = req.socket.remoteAddress ?? "unknown";
      req.headers["x-request-id"] = randomUUID();
      const raw = findRawHandler(new URL(req.url ?? "/", "https://localhost").pathname);
      if (raw) raw(req, res);
      else res.writeHead(404).end();
    });
    server.on("upgrade", (req, socket, head) => {
      const upgrade = findUpgradeHandler(new URL(req.url ?? "/", "https://localhost").pathname);
      if (upgrade) upgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const ctx = getRuntimeContext();
    setRuntimeContext({ ...ctx, config: { ...ctx.config, serverUrl: `https://localhost:${(server.address() as AddressInfo).port}` } });
    dir = await mkdtemp(path.join(os.tmpdir(), "outpost-kubectl-"));
    for (const who of ["admin", "operator", "viewer"] as const) {
      const res = await callRoute("GET", "/api/v1/clusters/kp/kubeconfig", { token: fx.tokens[who] });
      expect(res.status).toBe(200);
      kubeconfigs[who] = path.join(dir, `${who}.yaml`);
      await writeFile(kubeconfigs[who], await res.text(), { mode: 0o600 });
    }
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await fx?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("downloads a kubeconfig pointing at the passthrough with the console CA and the caller's token", async () => {
    const res = await callRoute("GET", "/api/v1/clusters/kp/kubeconfig", { token: fx.tokens.viewer });
    const config = parse(await res.text()) as { clusters: Array<{ cluster: Record<string, string> }>; users: Array<{ user: { token: string } }>; "current-context": string };
    expect(config.clusters[0]?.cluster.server).toBe(`${getRuntimeContext().config.serverUrl}/k8s/clusters/kp`);
    expect(Buffer.from(config.clusters[0]?.cluster["certificate-authority-data"] ?? "", "base64").toString()).toBe(getRuntimeContext().caPem);
    expect(config.users[0]?.user.token).toBe(fx.tokens.viewer);
    expect(config["current-context"]).toBe("kp");
    // With a browser session there is no token to embed: a placeholder, never a minted token.
    const bySession = await (await callRoute("GET", "/api/v1/clusters/kp/kubeconfig", { cookie: fx.cookies.viewer })).text();
    expect(bySession).toContain("REPLACE-WITH-A-PERSONAL-API-TOKEN");
    expect(await prisma.apiToken.count()).toBe(3);
    const fleet = parse(await (await callRoute("GET", "/api/v1/kubeconfig", { token: fx.tokens.viewer })).text()) as { contexts: Array<{ name: string }> };
    expect(fleet.contexts.map((c) => c.name)).toContain("kp");
  });

  it("get nodes -o wide and get pods -A -o wide", async () => {
    const nodes = await k("viewer", ["get", "nodes", "-o", "wide"]);
    expect(nodes.stderr).toBe("");
    expect(nodes.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME/);
    expect(nodes.stdout).toMatch(/kp-server\s+Ready\s+control-plane,master/);
    const pods = await k("viewer", ["get", "pods", "-A", "-o", "wide"]);
    expect(pods.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
    expect(pods.stdout).toMatch(/demo\s+web-\S+\s+1\/1\s+Running/);
    const seen = fx.cluster.audit().filter((a) => a.resource === "pods" && a.verb === "list" && !a.namespace);
    expect(seen.at(-1)).toMatchObject({ impersonatedUser: "outpost:vic", impersonatedGroups: expect.arrayContaining(["outpost:viewer"]) });
  });

  it("describe pod, logs, and a bounded logs -f that leaves no tunnel stream behind", async () => {
    const pods = await k("viewer", ["-n", "demo", "get", "pods", "-l", "app=web", "-o", "name"]);
    const pod = pods.stdout.trim().split("\n")[0]!.replace("pod/", "");
    const describe = await k("viewer", ["-n", "demo", "describe", "pod", pod]);
    expect(describe.stdout).toMatch(new RegExp(`^Name:\\s+${pod}`, "m"));
    expect(describe.stdout).toMatch(/^Node:\s+kp-/m);
    const logs = await k("viewer", ["-n", "demo", "logs", pod, "--tail=2"]);
    expect(logs.stdout.trim().split("\n")).toHaveLength(2);
    const follow = await kubectl(kubeconfigs.viewer, ["-n", "demo", "logs", "-f", pod, "--tail=1", "--request-timeout=3s"], { timeoutMs: 30_000 });
    expect(follow.stdout.trim().length).toBeGreaterThan(0);
    await eventually(() => fx.attached.consoleSession.stats().openStreams === 0, 15_000, "tunnel streams to close after kubectl exits");
  });

  it("a bounded get -w sees a scale-up made by the operator", async () => {
    const watch = kubectl(kubeconfigs.viewer, ["-n", "demo", "get", "pods", "-l", "app=api", "--watch", "--request-timeout=5s"], { timeoutMs: 30_000 });
    await eventually(() => fx.attached.consoleSession.stats().openStreams > 0, 10_000, "the watch to be open");
    const scale = await k("operator", ["-n", "demo", "scale", "deployment/api", "--replicas=3"]);
    expect(scale.stdout).toContain("deployment.apps/api scaled");
    const w = await watch;
    const names = new Set(w.stdout.split("\n").map((l) => l.split(/\s+/)[0]).filter((n) => n?.startsWith("api-")));
    expect(names.size).toBe(3);
  });

  it("apply and delete as operator, audited in the console and seen as the operator by the cluster", async () => {
    const apply = await k("operator", ["apply", "-f", "-"], { input: MANIFEST });
    expect(apply.stderr).toBe("");
    expect(apply.stdout).toContain("configmap/passthrough-check created");
    expect(apply.stdout).toContain("deployment.apps/hello created");
    const created = fx.cluster.audit().find((a) => a.verb === "create" && a.name === undefined && a.resource === "configmaps");
    expect(created).toMatchObject({ impersonatedUser: "outpost:opal" });
    const audit = await prisma.auditEvent.findFirst({ where: { action: "k8s.create", actorName: "opal" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ outcome: "success", targetId: "kp" });
    expect(JSON.stringify(audit?.details)).not.toContain("greeting");
    const del = await k("operator", ["delete", "-f", "-", "--wait=false"], { input: MANIFEST });
    expect(del.stdout).toContain('configmap "passthrough-check" deleted');
    // Audit writes are fire-and-forget (the answer is already on its way): wait for both.
    await eventually(async () => (await prisma.auditEvent.count({ where: { action: "k8s.delete", actorName: "opal" } })) >= 2, 5_000, "two delete audit events");
  });

  it("as viewer, apply fails with Forbidden from the console and nothing reaches the cluster", async () => {
    const apply = await k("viewer", ["apply", "-f", "-"], { input: MANIFEST });
    expect(apply.code).not.toBe(0);
    expect(apply.stderr).toMatch(/Error from server \(Forbidden\).*User "outpost:vic" cannot create resource "configmaps".*Outpost role "viewer" may only get, list and watch/);
    expect(fx.cluster.audit().some((a) => a.impersonatedUser === "outpost:vic" && a.verb === "create")).toBe(false);
    // The refusal itself is audited, as denied by the console.
    const refused = await prisma.auditEvent.findFirst({ where: { actorName: "vic", action: "k8s.create" } });
    expect(refused).toMatchObject({ outcome: "denied", targetId: "kp" });
    expect(refused?.details).toMatchObject({ refusedBy: "console", status: 403 });
  });

  it("ignores impersonation a caller asks for itself (--as)", async () => {
    const r = await k("viewer", ["-n", "demo", "get", "configmaps", "--as=system:admin", "--as-group=system:masters"]);
    expect(r.code).toBe(0);
    const last = fx.cluster.audit().filter((a) => a.resource === "configmaps").at(-1);
    expect(last).toMatchObject({ impersonatedUser: "outpost:vic" });
    expect(last?.impersonatedGroups).not.toContain("system:masters");
  });

  it("refuses exec to a viewer at the console; an operator's exec -- echo hi prints hi, audited once", async () => {
    const pods = await k("viewer", ["-n", "demo", "get", "pods", "-l", "app=web", "-o", "name"]);
    const pod = pods.stdout.trim().split("\n")[0]!;
    const viewer = await k("viewer", ["-n", "demo", "exec", pod, "--", "true"], { timeoutMs: 30_000 });
    expect(viewer.code).not.toBe(0);
    expect(viewer.stderr).toMatch(/Outpost role "viewer"|Forbidden/);
    const viewerExecs = await prisma.auditEvent.findMany({ where: { actorName: "vic", action: "k8s.exec" } });
    expect(viewerExecs.length).toBeGreaterThanOrEqual(1);
    expect(viewerExecs.every((e) => e.outcome === "denied")).toBe(true);
    const before = await prisma.auditEvent.count({ where: { action: "k8s.exec", actorName: "opal" } });
    const operator = await k("operator", ["-n", "demo", "exec", pod, "--", "echo", "hi"], { timeoutMs: 30_000 });
    expect(operator).toEqual({ stdout: "hi\n", stderr: "", code: 0 });
    const failing = await k("operator", ["-n", "demo", "exec", pod, "--", "sh", "-c", "exit 3"], { timeoutMs: 30_000 });
    expect(failing.code).toBe(3);
    expect(fx.cluster.audit().filter((a) => a.subresource === "exec" && a.impersonatedUser === "outpost:opal").map((a) => a.code)).toEqual([101, 101]);
    // One console audit per exec (the WebSocket upgrade succeeded, no SPDY fallback). Audits
    // are written after the answer: wait for both, then check there is no third.
    const audits = await eventually(async () => {
      const rows = await prisma.auditEvent.findMany({ where: { action: "k8s.exec", actorName: "opal" }, orderBy: { at: "asc" } });
      return rows.length - before >= 2 ? rows : undefined;
    }, 10_000, "the exec audits");
    expect(audits.length - before).toBe(2);
    expect(audits.at(-1)).toMatchObject({ outcome: "success", targetId: "kp" });
  });

  /** One raw HTTPS request to the passthrough (exact bytes of the path, optional Expect). */
  function raw(who: "operator" | "viewer", method: string, rawPath: string, opts: { body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string; continued: boolean }> {
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      let continued = false;
      const req = https.request(
        { host: "127.0.0.1", port, method, path: rawPath, ca: getRuntimeContext().caPem, servername: "localhost", headers: { authorization: `Bearer ${fx.tokens[who]}`, ...opts.headers } },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body, continued }));
        },
      );
      req.on("error", reject);
      if (opts.headers?.expect) {
        req.on("continue", () => {
          continued = true;
          req.end(opts.body);
        });
      } else req.end(opts.body);
    });
  }

  it("judges the path the apiserver will execute: encoded slashes, dot segments, malformed escapes, NUL", async () => {
    const base = "/k8s/clusters/kp/api/v1/namespaces/demo/pods";
    for (const path of [`${base}/x%2Fexec?command=sh`, `${base}/x%2fattach`, "/k8s/clusters/kp/api/v1/namespaces%2Fdemo%2Fpods%2Fx%2Fexec"]) {
      const res = await raw("viewer", "GET", path);
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ kind: "Status", reason: "Forbidden" });
    }
    for (const path of [`${base}/%zz`, `${base}/x%`, "/k8s/clusters/%E0%A4%A/api/v1/pods", `${base}/x%00`, `${base}?labelSelector=%00`]) {
      const res = await raw("viewer", "GET", path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ kind: "Status", reason: "BadRequest" });
    }
    const denied = await prisma.auditEvent.count({ where: { actorName: "vic", outcome: "denied", action: { in: ["k8s.exec", "k8s.attach"] } } });
    expect(denied).toBeGreaterThanOrEqual(4);
  });

  it("forwards a body sent with Expect: 100-continue", async () => {
    const body = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "expect-check", namespace: "demo" }, data: { a: "b" } });
    const res = await raw("operator", "POST", "/k8s/clusters/kp/api/v1/namespaces/demo/configmaps", { body, headers: { expect: "100-continue", "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } });
    expect(res.continued).toBe(true);
    expect(res.status, res.body).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ kind: "ConfigMap", metadata: { name: "expect-check" } });
  });

  it("port-forward through the console reaches the pod's nginx (SPDY tunnelled in a WebSocket)", async () => {
    const pod = (await k("operator", ["-n", "demo", "get", "pods", "-l", "app=web", "-o", "name"])).stdout.trim().split("\n")[0]!;
    const child = spawn("kubectl", ["--kubeconfig", kubeconfigs.operator, "-n", "demo", "port-forward", pod, ":80"], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise((resolve) => child.on("close", resolve));
    try {
      let out = "";
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /Forwarding from 127\.0\.0\.1:(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.on("close", () => reject(new Error(`port-forward exited: ${out}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Welcome to nginx!");
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    expect(fx.cluster.audit().filter((a) => a.subresource === "portforward").at(-1)).toMatchObject({ impersonatedUser: "outpost:opal", code: 101 });
    await eventually(async () => (await prisma.auditEvent.count({ where: { action: "k8s.portforward", actorName: "opal", outcome: "success" } })) === 1 || undefined, 10_000, "the port-forward audit");
  });

  it("top nodes and top pods through the console print CPU and memory columns", async () => {
    const nodes = await k("viewer", ["top", "nodes"]);
    expect(nodes.stderr).toBe("");
    expect(nodes.stdout).toMatch(/^NAME\s+CPU\(cores\)\s+CPU(\(%\)|%)\s+MEMORY\(bytes\)\s+MEMORY(\(%\)|%)/);
    expect(nodes.stdout).toMatch(/kp-server\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
    const pods = await k("viewer", ["top", "pods", "-n", "demo", "--containers"]);
    expect(pods.stdout).toMatch(/web-\S+\s+web\s+\d+m\s+\d+Mi/);
    expect(fx.cluster.audit().filter((a) => a.requestURI.startsWith("/apis/metrics.k8s.io/v1beta1/nodes")).at(-1)).toMatchObject({ impersonatedUser: "outpost:vic", code: 200 });
  });

  it("real helm installs, upgrades, rolls back and uninstalls a chart as operator", async () => {
    await helmLifecycle(kubeconfigs.operator, dir, "hello-chart", "charts");
    const writes = fx.cluster.audit().filter((a) => a.resource === "secrets" && a.verb === "create" && a.namespace === "charts");
    expect(writes.length).toBe(3);
    expect(writes.every((a) => a.impersonatedUser === "outpost:opal")).toBe(true);
  }, 120_000);

  it("real helm installs the console's own chart (deploy/helm/outpost) into the k3s cluster as admin", async () => {
    const chart = path.resolve("deploy/helm/outpost");
    const set = ["hostname=console.example.org", "database.url=postgresql://outpost:pw@db:5432/outpost", "replicaCount=2"].flatMap((v) => ["--set", v]);
    const install = await helm(kubeconfigs.admin, dir, ["install", "outpost", chart, "-n", "outpost", "--create-namespace", "--timeout", "60s", ...set]);
    expect(install.stderr).toBe("");
    expect(install.stdout).toMatch(/STATUS: deployed\nREVISION: 1\n/);
    const route = await kubectl(kubeconfigs.admin, ["-n", "outpost", "get", "ingressroutetcp", "outpost", "-o", "json"]);
    expect(route.stderr).toBe("");
    expect((JSON.parse(route.stdout) as { spec: { tls: { passthrough: boolean } } }).spec.tls.passthrough).toBe(true);
    const deploy = await kubectl(kubeconfigs.admin, ["-n", "outpost", "get", "deployment,service,pdb,secrets", "-o", "name"]);
    expect(deploy.stdout).toContain("deployment.apps/outpost");
    expect(deploy.stdout).toContain("service/outpost");
    expect(deploy.stdout).toContain("poddisruptionbudget.policy/outpost");
    const uninstall = await helm(kubeconfigs.admin, dir, ["uninstall", "outpost", "-n", "outpost", "--timeout", "60s"]);
    expect(uninstall.stdout).toContain('release "outpost" uninstalled');
  });

  it("answers bad tokens and unknown clusters with Status objects", async () => {
    const bad = await kubectl(kubeconfigs.viewer, ["get", "pods", "--token=opt_not-a-real-token"]);
    expect(bad.stderr).toContain("You must be logged in to the server (Unauthorized");
    const other = await kubectl(kubeconfigs.viewer, ["get", "pods", `--server=${getRuntimeContext().config.serverUrl}/k8s/clusters/nope`]);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain("Error from server (NotFound)");
  });
});
