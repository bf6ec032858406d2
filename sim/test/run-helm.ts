import { execFile } from "node:child_process";
import path from "node:path";
import { kubeToolPath } from "../../scripts/kube-tools";

/** The small chart the helm tests install (Deployment, Service, ConfigMap). */
export const HELLO_CHART = path.join(__dirname, "..", "fixtures", "charts", "hello");

/**
 * Runs the real helm v4 (from scripts/kube-tools.ts) with a kubeconfig; helm's cache, config
 * and data live under `home`, so tests never read or write the user's helm settings.
 */
export function helm(kubeconfig: string, home: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  const env = { ...process.env, KUBECONFIG: kubeconfig, HELM_CACHE_HOME: path.join(home, "cache"), HELM_CONFIG_HOME: path.join(home, "config"), HELM_DATA_HOME: path.join(home, "data") };
  return new Promise((resolve) => {
    execFile(kubeToolPath("helm"), args, { env, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}
