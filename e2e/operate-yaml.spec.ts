import { expect, test, type Page } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { kubectl } from "../sim/test/run-kubectl";
import { startExplorerCluster } from "./support/explorer-fixture";
import { signInAs } from "./support/sign-in-as";
import type { SimulatedFleet } from "./support/simulated-clusters";

const NAME = `operate-yaml-${Date.now().toString(36).slice(-5)}`;
let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
test.beforeAll(async ({ request }) => {
  ({ fleet, cluster } = await startExplorerCluster(request, NAME));
});
test.afterAll(async () => {
  await fleet?.stop();
});

/** Opens web's YAML in the editor and sets `replicas: <n>` by typing over the value. */
async function editReplicas(page: Page, replicas: number): Promise<void> {
  await page.goto(`/clusters/${cluster.id}/deployments/demo/web?tab=yaml`);
  await page.getByRole("button", { name: "Edit YAML" }).click();
  const line = page.getByTestId("yaml-editor").locator(".cm-line", { hasText: /^\s*replicas: \d+$/ });
  await line.click();
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(String(replicas));
  await page.getByRole("button", { name: "Review changes" }).click();
}

// Journey: an operator edits a Deployment's replicas in YAML, reviews the dry run's diff,
// applies, and sees the new count in the list. Then another field manager takes replicas:
// the review shows the conflict with that manager, and Force apply wins.
test("an operator edits replicas in YAML: diff, apply, conflict and force", async ({ browser, request }) => {
  const operator = await signInAs(browser, request, "yara", "operator");
  await editReplicas(operator, 5);
  const diff = operator.getByTestId("yaml-diff");
  await expect(diff.locator('[data-diff="removed"]', { hasText: "replicas: 3" })).toHaveCount(1);
  await expect(diff.locator('[data-diff="added"]', { hasText: "replicas: 5" })).toHaveCount(1);
  await operator.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(operator.getByText("Applied. What the cluster did:")).toBeVisible();
  await expect(operator.getByTestId("apply-outcome")).toHaveText("configured");
  await operator.goto(`/clusters/${cluster.id}/deployments?ns=demo`);
  await expect(operator.getByTestId("row-web")).toContainText("/5", { timeout: 30_000 });

  const kubeconfig = fleet!.sim.clusters[0]!.kubeconfigPath!;
  const patched = await kubectl(kubeconfig, ["-n", "demo", "patch", "deployment", "web", "--type", "merge", "-p", '{"spec":{"replicas":2}}', "--field-manager", "night-scaler"]);
  expect(patched.code, patched.stderr).toBe(0);
  await editReplicas(operator, 4);
  await expect(operator.getByTestId("apply-outcome")).toHaveText("conflict");
  const conflicts = operator.getByRole("table", { name: "Conflicting fields" });
  await expect(conflicts).toContainText(".spec.replicas");
  await expect(conflicts).toContainText("night-scaler");
  await expect(operator.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
  await operator.getByRole("button", { name: "Force apply" }).click();
  await expect(operator.getByTestId("apply-outcome")).toHaveText("configured");
  const after = await kubectl(kubeconfig, ["-n", "demo", "get", "deployment", "web", "-o", "jsonpath={.spec.replicas}"]);
  expect(after.stdout).toBe("4");
  await operator.context().close();
});
