import { expect, test } from "@playwright/test";
import { runImportCommand, startSimulatedFleet, kubeconfigOf, type SimulatedFleet } from "./support/simulated-clusters";

let fleet: SimulatedFleet;
test.beforeAll(async () => {
  fleet = await startSimulatedFleet([{ name: "plant-berlin" }]);
});
test.afterAll(async () => {
  await fleet?.stop();
});

// Journey: an admin registers a cluster in the browser, copies the curl | kubectl command,
// runs it against the (simulated) cluster; the real agent enrols and the cluster turns
// Active in the UI with its Kubernetes version and node count.
test("admin imports a k3s cluster with the curl | kubectl command", async ({ page }) => {
  await page.goto("/clusters");
  await expect(page.getByText("No clusters registered")).toBeVisible();
  await page.getByRole("button", { name: "Import cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Import a k3s cluster" });
  await dialog.getByLabel("Name", { exact: true }).fill("Plant Berlin");
  await dialog.getByRole("button", { name: "Register and show the import command" }).click();
  await expect(dialog.getByRole("alert")).toContainText("DNS label");
  await dialog.getByLabel("Name", { exact: true }).fill("plant-berlin");
  await dialog.getByLabel("Region").fill("eu-central");
  await dialog.getByLabel("Labels").fill("env=prod\ntier=edge");
  await dialog.getByRole("button", { name: "Register and show the import command" }).click();

  const imported = page.getByRole("dialog", { name: "Import plant-berlin" });
  const curl = imported.getByTestId("import-command-curl");
  await expect(curl).toContainText("curl --insecure -sfL https://");
  await expect(imported.getByTestId("import-command-docker")).toContainText("--ca-checksum");
  const command = (await curl.textContent()) ?? "";
  expect(command).toMatch(/^curl --insecure -sfL https:\/\/\S+\/v3\/import\/[0-9a-f]{64}_\w+\.yaml \| kubectl apply -f -$/);

  // The copy button puts exactly this command on the clipboard.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await imported.getByRole("button", { name: "Copy" }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);

  await imported.getByRole("link", { name: "Open the cluster page" }).click();
  await expect(page.getByRole("heading", { name: "plant-berlin" })).toBeVisible();
  await expect(page.getByTestId("cluster-state")).toHaveText("Pending");

  const output = await runImportCommand(command, kubeconfigOf(fleet, "plant-berlin"));
  expect(output).toContain("deployment.apps/outpost-agent created");

  await expect(page.getByTestId("cluster-state")).toHaveText("Active", { timeout: 15_000 });
  await expect(page.getByTestId("cluster-version")).toHaveText("v1.31.4+k3s1");
  await expect(page.getByTestId("cluster-node-count")).toContainText("3");

  await page.goto("/clusters");
  const row = page.getByTestId("cluster-row-plant-berlin");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("eu-central");
});
