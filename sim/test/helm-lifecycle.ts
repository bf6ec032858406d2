import { expect } from "vitest";
import { HELLO_CHART, helm } from "./run-helm";
import { kubectl } from "./run-kubectl";

/**
 * install → upgrade → rollback → uninstall of the hello chart with real helm, checking the
 * cluster after each step with kubectl (release Secrets, the Deployment, the ConfigMap).
 * Shared by the direct test and the one through the console's passthrough.
 */
export async function helmLifecycle(kubeconfig: string, home: string, release: string, ns: string): Promise<void> {
  const h = (args: string[]) => helm(kubeconfig, home, [...args, "-n", ns, "--timeout", "60s"]);
  const get = async (args: string[]) => {
    const r = await kubectl(kubeconfig, ["-n", ns, "get", ...args, "-o", "json"]);
    expect(r.stderr).toBe("");
    return JSON.parse(r.stdout) as { spec?: { replicas?: number }; data?: Record<string, string>; items?: Array<{ metadata: { name: string; labels?: Record<string, string> } }> };
  };
  const releases = async () => (await get(["secrets", "-l", `owner=helm,name=${release}`])).items?.map((s) => `${s.metadata.name}:${s.metadata.labels?.status ?? ""}`).sort();

  const install = await h(["install", release, HELLO_CHART, "--create-namespace", "--wait"]);
  expect(install.stderr).toBe("");
  expect(install.stdout).toMatch(/STATUS: deployed\nREVISION: 1\n/);
  expect(await releases()).toEqual([`sh.helm.release.v1.${release}.v1:deployed`]);
  expect((await get(["configmap", `${release}-settings`])).data).toEqual({ greeting: "hello" });

  const upgrade = await h(["upgrade", release, HELLO_CHART, "--set", "replicaCount=2", "--set", "greeting=hi", "--wait"]);
  expect(upgrade.stderr).toBe("");
  expect(upgrade.stdout).toMatch(/REVISION: 2\n/);
  expect((await get(["deployment", release])).spec?.replicas).toBe(2);
  expect((await get(["configmap", `${release}-settings`])).data).toEqual({ greeting: "hi" });

  const rollback = await h(["rollback", release, "1", "--wait"]);
  expect(rollback.stdout).toContain("Rollback was a success!");
  expect((await get(["deployment", release])).spec?.replicas).toBe(1);
  expect((await get(["configmap", `${release}-settings`])).data).toEqual({ greeting: "hello" });
  const history = await helm(kubeconfig, home, ["history", release, "-n", ns]);
  expect(history.stdout).toMatch(/^3\s+.*\bdeployed\b.*Rollback to 1/m);
  expect(await releases()).toEqual([1, 2, 3].map((v) => `sh.helm.release.v1.${release}.v${v}:${v === 3 ? "deployed" : "superseded"}`));

  const uninstall = await h(["uninstall", release, "--wait"]);
  expect(uninstall.stdout).toContain(`release "${release}" uninstalled`);
  expect(await releases()).toEqual([]);
  const gone = await kubectl(kubeconfig, ["-n", ns, "get", "deployment", release]);
  expect(gone.stderr).toContain(`deployments.apps "${release}" not found`);
}
