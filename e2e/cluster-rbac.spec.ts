import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { startExplorerCluster } from "./support/explorer-fixture";
import { signInAs } from "./support/sign-in-as";
import { kubeconfigOf, type SimulatedFleet } from "./support/simulated-clusters";

// The simulated cluster enforces RBAC like k3s and was imported through the real manifest:
// the agent has only its own ClusterRole, console users act as themselves (impersonated
// into the outpost:<role> groups the manifest binds). These journeys prove the console
// works within exactly that, and shows the cluster's own answer when the cluster says no.
const run = promisify(execFile);
const NAME = `cluster-rbac-${Date.now().toString(36).slice(-5)}`;
let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
let dir: string;
test.beforeAll(async ({ request }) => {
  ({ fleet, cluster } = await startExplorerCluster(request, NAME));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-e2e-rbac-"));
});
test.afterAll(async () => {
  await fleet?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** kubectl through the console: the user's own API token in a kubeconfig downloaded with it. */
async function consoleKubectl(request: APIRequestContext, origin: string, who: string, args: string[]): Promise<{ stdout: string; code: number }> {
  const file = path.join(dir, `${who}.kubeconfig`);
  if (!fs.existsSync(file)) {
    const created = await request.post("/api/v1/tokens", { headers: { origin }, data: { name: `kubectl-${who}` } });
    expect(created.status(), await created.text()).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const kc = await request.get(`/api/v1/clusters/${cluster.id}/kubeconfig`, { headers: { authorization: `Bearer ${token}` } });
    expect(kc.status()).toBe(200);
    fs.writeFileSync(file, await kc.text(), { mode: 0o600 });
  }
  try {
    const { stdout } = await run("kubectl", ["--kubeconfig", file, ...args], { timeout: 20_000 });
    return { stdout, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; code?: number };
    return { stdout: e.stdout ?? "", code: typeof e.code === "number" ? e.code : 1 };
  }
}

function originOf(page: Page): string {
  return new URL(page.url()).origin;
}

// Journey: an operator opens a cluster's ConfigMaps and Secrets (listed and watched as the
// operator, since the agent may read neither) and sees them.
test("an operator opens the ConfigMaps and Secrets of a cluster and sees them", async ({ browser, request }) => {
  const operator = await signInAs(browser, request, "cora", "operator");
  await operator.goto(`/clusters/${cluster.id}/configmaps?ns=demo`);
  const configMaps = operator.getByRole("table", { name: "ConfigMaps" });
  await expect(configMaps.getByText("web-config")).toBeVisible();
  await expect(operator.getByRole("region", { name: "ConfigMaps" }).getByRole("alert")).toHaveCount(0);
  await operator.goto(`/clusters/${cluster.id}/secrets?ns=demo`);
  const secrets = operator.getByRole("table", { name: "Secrets" });
  await expect(secrets.getByText("api-credentials")).toBeVisible();
  await expect(operator.getByRole("region", { name: "Secrets" }).getByRole("alert")).toHaveCount(0);
  await operator.context().close();
});

// Journey: `kubectl auth can-i` through the console answers per the user's role — the
// cluster evaluates the impersonated identity.
test("kubectl auth can-i delete pods through the console answers per role", async ({ browser, page, request }) => {
  await page.goto("/fleet");
  expect((await consoleKubectl(request, originOf(page), "admin", ["auth", "can-i", "delete", "pods", "-n", "demo"])).stdout.trim()).toBe("yes");
  const viewer = await signInAs(browser, request, "vera", "viewer");
  const asViewer = await consoleKubectl(viewer.request, originOf(viewer), "vera", ["auth", "can-i", "delete", "pods", "-n", "demo"]);
  expect(asViewer.stdout.trim()).toBe("no");
  expect(asViewer.code).toBe(1);
  expect((await consoleKubectl(viewer.request, originOf(viewer), "vera", ["auth", "can-i", "list", "pods", "-n", "demo"])).stdout.trim()).toBe("yes");
  await viewer.context().close();
});

// Journey: the cluster's owner binds the operators' group to `view` only. An operator's
// delete passes the console's role check but the cluster refuses it: the page shows the
// cluster's own Forbidden message, and kubectl through the console agrees.
test("an operator whose cluster binds the group to view only is refused with the cluster's message", async ({ browser, request }) => {
  const admin = kubeconfigOf(fleet!, NAME);
  await run("kubectl", ["--kubeconfig", admin, "delete", "clusterrolebinding", "outpost:operator"]);
  await run("kubectl", ["--kubeconfig", admin, "create", "clusterrolebinding", "outpost:operator", "--clusterrole=view", "--group=outpost:operator"]);
  const operator = await signInAs(browser, request, "otto", "operator");
  await operator.goto(`/clusters/${cluster.id}/pods?ns=demo&q=web-`);
  const rows = operator.getByRole("table", { name: "Pods" }).locator("tbody tr[data-index]");
  await expect(rows).toHaveCount(3);
  const victim = (await rows.first().locator("td").first().textContent()) ?? "";
  await operator.goto(`/clusters/${cluster.id}/pods/demo/${victim}`);
  await operator.getByRole("button", { name: "Delete Pod" }).click();
  const dialog = operator.getByRole("dialog", { name: `Delete Pod ${victim}?` });
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(`The cluster refused: pods "${victim}" is forbidden: User "outpost:otto" cannot delete resource "pods" in API group "" in the namespace "demo"`);
  const canI = await consoleKubectl(operator.request, originOf(operator), "otto", ["auth", "can-i", "delete", "pods", "-n", "demo"]);
  expect(canI.stdout.trim()).toBe("no");
  // The pod is untouched.
  await operator.goto(`/clusters/${cluster.id}/pods?ns=demo&q=web-`);
  await expect(operator.getByTestId(`row-${victim}`)).toContainText("Running");
  await operator.context().close();
});
