import { expect, test } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { connectSimCluster, kubeconfigOf, startSimulatedFleet, type SimulatedFleet } from "./support/simulated-clusters";
import { kubectl } from "../sim/test/run-kubectl";

// A fresh name per worker (a retry in a new worker registers the cluster again).
const SUFFIX = Date.now().toString(36).slice(-5);
const CLUSTER = `bundle-site-${SUFFIX}`;
const BUNDLE = `edge-cfg-${SUFFIX}`;
let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
test.beforeAll(async ({ request }) => {
  fleet = await startSimulatedFleet([{ name: CLUSTER }]);
  cluster = await connectSimCluster(request, fleet, CLUSTER);
});
test.afterAll(async ({ request }) => {
  // The bundle is deleted by the journey; the cluster goes too.
  if (cluster) await request.delete(`/api/v1/clusters/${cluster.id}`);
  await fleet?.stop();
});

const yaml = (greeting: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: greeting
  namespace: default
data:
  cluster: "\${cluster.name}"
  greeting: "${greeting}"
`;

// Journey: an admin creates a bundle from YAML for one imported cluster (the real agent,
// the import's RBAC), watches it become Ready in the status matrix, ships a second revision
// and reads the diff; the cluster page lists the bundle; deleting it (confirmed, with prune)
// removes its objects from the cluster.
test("an admin ships YAML to a cluster as a bundle, then a revision, and reads the diff", async ({ page }) => {
  await page.goto("/bundles");
  await page.getByRole("link", { name: "New bundle" }).click();
  await page.getByLabel("Name").fill(BUNDLE);
  await page.getByLabel("YAML", { exact: true }).fill(yaml("hello"));
  await page.getByLabel("Cluster ids").check();
  await page.getByRole("textbox", { name: "Cluster ids" }).fill(cluster.id);
  await page.getByLabel("First wave (clusters)").fill("0");
  await page.getByLabel("Soak (seconds)").fill("0");
  await page.getByRole("button", { name: "Create and roll out" }).click();

  await expect(page.getByRole("heading", { name: BUNDLE })).toBeVisible();
  await expect(page.getByTestId(`cell-${CLUSTER}`)).toHaveAttribute("data-state", "Ready", { timeout: 30_000 });
  await expect(page.getByTestId("rollout-status")).toHaveText("Completed");
  const live = await kubectl(kubeconfigOf(fleet!, CLUSTER), ["get", "configmap", "greeting", "-n", "default", "-o", "jsonpath={.data.cluster}"]);
  expect(live.stdout).toBe(CLUSTER);

  await page.getByRole("button", { name: "New revision" }).click();
  const dialog = page.getByRole("dialog", { name: "New revision" });
  await dialog.getByLabel("YAML", { exact: true }).fill(yaml("hello again"));
  await dialog.getByRole("button", { name: "Create revision" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Rolling out revision 2 (latest 2)")).toBeVisible();
  await expect(page.getByTestId("yaml-diff")).toContainText('greeting: "hello again"');
  await expect(page.getByTestId(`cell-${CLUSTER}`)).toHaveAttribute("data-state", "Ready", { timeout: 30_000 });
  await expect(page.getByTestId("rollout-status")).toHaveText("Completed");

  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("region", { name: "Bundles" }).getByRole("link", { name: BUNDLE }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: `Delete bundle ${BUNDLE}?` });
  await expect(confirm.getByLabel("Also remove its objects from the clusters")).toBeChecked();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/bundles$/);
  // Pruned from the cluster, then gone from the list.
  await expect(page.getByTestId(`bundle-row-${BUNDLE}`)).toHaveCount(0, { timeout: 30_000 });
  const gone = await kubectl(kubeconfigOf(fleet!, CLUSTER), ["get", "configmap", "greeting", "-n", "default"]);
  expect(gone.stderr).toMatch(/NotFound/);
});
