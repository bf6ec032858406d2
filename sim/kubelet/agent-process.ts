import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ClusterState } from "../cluster/cluster-state";
import { issueServiceAccountToken } from "../cluster/service-account-tokens";
import type { Container, EnvVar, Pod } from "../store/kube-types";
import { LogBuffer } from "./log-buffer";
import { isAgentBootstrap } from "./pod-status";

/** A running (or finished) agent container process. */
export interface AgentContainer {
  child: ChildProcess;
  logs: LogBuffer;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function decode(b64: unknown): string {
  return typeof b64 === "string" ? Buffer.from(b64, "base64").toString("utf8") : "";
}

/** A container's `env` as the kubelet resolves it (values, `$(VAR)`, secret/configMap/field refs). */
export function resolveEnv(cluster: ClusterState, pod: Pod, env: EnvVar[]): Record<string, string> {
  const out: Record<string, string> = {};
  const ns = pod.metadata.namespace;
  for (const e of env) {
    if (e.value !== undefined) out[e.name] = e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v: string) => out[v] ?? m);
    const vf = e.valueFrom;
    if (!vf) continue;
    if (vf.secretKeyRef) {
      const s = cluster.store.get("/secrets", ns, vf.secretKeyRef.name);
      const data = (s?.data ?? {}) as Record<string, string>;
      if (vf.secretKeyRef.key in data) out[e.name] = decode(data[vf.secretKeyRef.key]);
    } else if (vf.configMapKeyRef) {
      const c = cluster.store.get("/configmaps", ns, vf.configMapKeyRef.name);
      const data = (c?.data ?? {}) as Record<string, string>;
      if (vf.configMapKeyRef.key in data) out[e.name] = String(data[vf.configMapKeyRef.key]);
    } else if (vf.fieldRef) {
      const f = vf.fieldRef.fieldPath;
      if (f === "metadata.name") out[e.name] = pod.metadata.name;
      else if (f === "metadata.namespace") out[e.name] = ns ?? "default";
      else if (f === "metadata.uid") out[e.name] = pod.metadata.uid;
      else if (f === "spec.nodeName") out[e.name] = pod.spec.nodeName ?? "";
      else if (f === "spec.serviceAccountName") out[e.name] = pod.spec.serviceAccountName ?? "default";
      else if (f === "status.podIP") out[e.name] = pod.status?.podIP ?? "";
      else if (f === "status.hostIP") out[e.name] = pod.status?.hostIP ?? "";
    }
  }
  return out;
}

/** Writes secret/configMap volumes and the service-account files under the pod's root. */
async function preparePodRoot(cluster: ClusterState, pod: Pod, container: Container, root: string): Promise<void> {
  const saDir = path.join(root, "var/run/secrets/kubernetes.io/serviceaccount");
  await mkdir(saDir, { recursive: true });
  const token = issueServiceAccountToken(cluster, pod.metadata.namespace ?? "default", pod.spec.serviceAccountName ?? "default", 3607);
  await writeFile(path.join(saDir, "token"), token, { mode: 0o600 });
  await writeFile(path.join(saDir, "ca.crt"), cluster.certs.caPem, { mode: 0o644 });
  await writeFile(path.join(saDir, "namespace"), pod.metadata.namespace ?? "default", { mode: 0o644 });
  for (const m of container.volumeMounts ?? []) {
    const vol = pod.spec.volumes?.find((v) => v.name === m.name);
    const src = vol?.secret ?? vol?.configMap;
    if (!vol || !src) continue;
    const obj = vol.secret ? cluster.store.get("/secrets", pod.metadata.namespace, vol.secret.secretName) : cluster.store.get("/configmaps", pod.metadata.namespace, vol.configMap?.name ?? "");
    const data = (obj?.data ?? {}) as Record<string, string>;
    const dir = path.join(root, m.mountPath);
    await mkdir(dir, { recursive: true });
    const mode = src.defaultMode ?? 0o644;
    const items = src.items ?? Object.keys(data).map((key) => ({ key, path: key, mode: undefined }));
    for (const it of items) {
      if (!(it.key in data)) continue;
      const file = path.join(dir, it.path);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, vol.secret ? Buffer.from(String(data[it.key]), "base64") : String(data[it.key]));
      await chmod(file, it.mode ?? mode);
    }
    // A read-only mount keeps its files, but no new ones can be created in it.
    if (m.readOnly) await chmod(dir, 0o555);
  }
}

/** The per-pod root directory (OUTPOST_PATH_PREFIX) of an agent container. */
export function podRoot(cluster: ClusterState, pod: Pod, container: string): string {
  return path.join(cluster.rt.podDirRoot, cluster.name, `${pod.metadata.namespace}_${pod.metadata.name}_${pod.metadata.uid.slice(0, 8)}`, container);
}

/**
 * Starts `<agentCommand> <container.args…>` (or, for the agent bootstrap on the Node.js
 * image, `node -e <bootstrap> <container.args…>`) as a child process with the pod's environment,
 * in-cluster configuration pointing at this cluster's port, and its files under a per-pod
 * root passed as OUTPOST_PATH_PREFIX. Output goes to a LogBuffer.
 */
// A container restarted while its previous start is still preparing must not delete the
// files that start is writing (seen under load as ENOENT on a Secret volume file).
const preparing = new Map<string, Promise<void>>();

async function freshPodRoot(cluster: ClusterState, pod: Pod, container: Container, root: string): Promise<void> {
  const mine = (preparing.get(root) ?? Promise.resolve()).catch(() => undefined).then(async () => {
    await rm(root, { recursive: true, force: true }).catch(() => undefined);
    await preparePodRoot(cluster, pod, container, root);
  });
  preparing.set(root, mine);
  try {
    await mine;
  } finally {
    if (preparing.get(root) === mine) preparing.delete(root);
  }
}

export async function startAgentContainer(cluster: ClusterState, pod: Pod, container: Container): Promise<AgentContainer> {
  const root = podRoot(cluster, pod, container.name);
  await freshPodRoot(cluster, pod, container, root);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: root,
    HOSTNAME: pod.metadata.name,
    KUBERNETES_SERVICE_HOST: "127.0.0.1",
    KUBERNETES_SERVICE_PORT: String(cluster.port),
    KUBERNETES_SERVICE_PORT_HTTPS: String(cluster.port),
    KUBERNETES_PORT: `tcp://127.0.0.1:${cluster.port}`,
    OUTPOST_PATH_PREFIX: root,
    ...resolveEnv(cluster, pod, container.env ?? []),
  };
  if (process.env.NODE_OPTIONS === undefined) delete env.NODE_OPTIONS;
  // The bootstrap on the Node.js image runs as its command says, with this machine's node;
  // the agent image's entrypoint is the configured agent command.
  const [cmd, ...baseArgs] = isAgentBootstrap(container) ? [process.execPath, ...(container.command ?? []).slice(1)] : cluster.rt.agentCommand;
  const args = [...baseArgs, ...(container.args ?? [])];
  const logs = new LogBuffer();
  const child = spawn(cmd ?? "node", args, { env: env as NodeJS.ProcessEnv, cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: false });
  child.stdout?.on("data", (d: Buffer) => logs.write(d));
  child.stderr?.on("data", (d: Buffer) => logs.write(d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("error", (err) => {
      logs.write(`failed to start container: ${err.message}\n`);
      logs.close();
      resolve({ code: 128, signal: null });
    });
    child.on("exit", (code, signal) => {
      // stdio may still hold buffered output: close the log once the pipes drain.
      const done = (): void => logs.close();
      if (child.stdout && !child.stdout.readableEnded) child.stdout.once("end", done);
      else done();
      resolve({ code, signal });
    });
  });
  return { child, logs, exited };
}

/** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
export async function stopAgentContainer(a: AgentContainer, graceMs: number): Promise<void> {
  if (a.child.exitCode !== null || a.child.signalCode !== null) return;
  a.child.kill("SIGCONT");
  a.child.kill("SIGTERM");
  const t = setTimeout(() => a.child.kill("SIGKILL"), graceMs);
  await a.exited;
  clearTimeout(t);
}
