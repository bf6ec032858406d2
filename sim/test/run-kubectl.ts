import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Runs real kubectl with a kubeconfig and a bounded timeout; resolves stdout/stderr/code. */
export function kubectl(kubeconfig: string, args: string[], opts: { timeoutMs?: number; input?: string; bin?: string } = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const child = execFile(opts.bin ?? "kubectl", ["--kubeconfig", kubeconfig, ...args], { timeout: opts.timeoutMs ?? 20_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : 1) : 0;
      resolve({ stdout, stderr, code });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/**
 * One kubectl minor version of the version dispatcher on the PATH (it keeps `kubectl.1.27`
 * … `kubectl.1.33` beside itself and otherwise picks by server version). Throws when that
 * version is not installed, so a test never silently runs another one.
 */
export function dispatcherKubectl(minor: number): string {
  const dispatcher = (process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "kubectl")).find((p) => fs.existsSync(p));
  if (!dispatcher) throw new Error("kubectl is not on the PATH");
  const bin = path.join(path.dirname(fs.realpathSync(dispatcher)), `kubectl.1.${minor}`);
  if (!fs.existsSync(bin)) throw new Error(`kubectl 1.${minor} is not installed beside ${dispatcher}`);
  return bin;
}
