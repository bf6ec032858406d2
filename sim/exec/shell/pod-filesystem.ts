import type { ClusterState } from "../../cluster/cluster-state";
import { issueServiceAccountToken } from "../../cluster/service-account-tokens";
import type { Container, Pod } from "../../store/kube-types";
import { imageProfile } from "./image-profile";

/** A file of the virtual filesystem; content may be produced on first read (tokens). */
export interface VirtualFile {
  content: () => string;
  mode: number;
}

/** A read-only view of a container's filesystem: files, and directories implied by their paths. */
export class PodFilesystem {
  private readonly files = new Map<string, VirtualFile>();
  private readonly dirs = new Set<string>(["/"]);

  constructor(base: string[]) {
    for (const d of base) this.addDir(d);
  }

  addDir(dir: string): void {
    for (let p = dir; p !== "/" && p !== ""; p = parentOf(p)) this.dirs.add(p);
  }

  addFile(path: string, content: string | (() => string), mode = 0o644): void {
    let cached: string | undefined;
    this.files.set(path, { content: typeof content === "string" ? () => content : () => (cached ??= content()), mode });
    this.addDir(parentOf(path));
  }

  isDir(path: string): boolean {
    return this.dirs.has(path);
  }

  file(path: string): VirtualFile | undefined {
    return this.files.get(path);
  }

  /** Names directly inside a directory, sorted. */
  list(dir: string): string[] {
    const prefix = dir === "/" ? "/" : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== dir && p.startsWith(prefix)) names.add(p.slice(prefix.length).split("/")[0]!);
    }
    return [...names].sort();
  }
}

function parentOf(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}

/** Resolves `rel` against `cwd` (`.`, `..`, repeated slashes). */
export function resolvePath(cwd: string, rel: string): string {
  const parts = (rel.startsWith("/") ? rel : `${cwd}/${rel}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return `/${out.join("/")}`;
}

const BASE_DIRS = ["/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr/bin", "/usr/lib", "/usr/local", "/var/log", "/var/run"];

/**
 * The filesystem a container of a pod sees: the image's files (`/etc/os-release`…),
 * `/etc/hostname`, `/etc/hosts`, `/etc/resolv.conf`, the service-account token, CA and
 * namespace (unless automounting is off), and every Secret/ConfigMap volume at its
 * mountPath with the keys (or `items`) as files — read from the store now.
 */
export function podFilesystem(cluster: ClusterState, pod: Pod, container: Container): PodFilesystem {
  const profile = imageProfile(container.image);
  const fs = new PodFilesystem(profile.hasShell ? BASE_DIRS : ["/etc", "/var/run"]);
  const ns = pod.metadata.namespace ?? "default";
  const hostname = typeof pod.spec.hostname === "string" ? pod.spec.hostname : pod.metadata.name;
  if (profile.osRelease) fs.addFile("/etc/os-release", profile.osRelease);
  for (const [p, c] of Object.entries(profile.files)) fs.addFile(p, c);
  fs.addFile("/etc/hostname", `${hostname}\n`);
  fs.addFile("/etc/hosts", `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${pod.status?.podIP ?? "10.42.0.1"}\t${hostname}\n`);
  fs.addFile("/etc/resolv.conf", `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.43.0.10\noptions ndots:5\n`);
  const sa = pod.spec.serviceAccountName ?? "default";
  if (pod.spec.automountServiceAccountToken !== false) {
    const dir = "/var/run/secrets/kubernetes.io/serviceaccount";
    fs.addFile(`${dir}/token`, () => issueServiceAccountToken(cluster, ns, sa, 3607), 0o644);
    fs.addFile(`${dir}/ca.crt`, cluster.certs.caPem);
    fs.addFile(`${dir}/namespace`, ns);
  }
  for (const m of container.volumeMounts ?? []) {
    const vol = pod.spec.volumes?.find((v) => v.name === m.name);
    const src = vol?.secret ?? vol?.configMap;
    const mount = resolvePath("/", m.mountPath);
    fs.addDir(mount);
    if (!vol || !src) continue;
    const obj = vol.secret ? cluster.store.get("/secrets", ns, vol.secret.secretName) : cluster.store.get("/configmaps", ns, vol.configMap?.name ?? "");
    const data = (obj?.data ?? {}) as Record<string, string>;
    const items = src.items ?? Object.keys(data).map((key) => ({ key, path: key, mode: undefined }));
    for (const it of items) {
      if (!(it.key in data)) continue;
      const text = vol.secret ? Buffer.from(String(data[it.key]), "base64").toString("utf8") : String(data[it.key]);
      fs.addFile(resolvePath(mount, it.path), text, it.mode ?? src.defaultMode ?? 0o644);
    }
  }
  return fs;
}
