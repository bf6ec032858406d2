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
// runs it against the (simulated) cluster, whose kubelet runs the manifest's container as a
// stock k3s would: the public Node.js image's bootstrap downloads /v3/agent.js, verifies its
// SHA-256 and runs it; the real agent enrols and the cluster turns Active in the UI with its
// Kubernetes version and node count.
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
  await expect(imported.getByTestId("import-command-docker")).toContainText("-e OUTPOST_CA_CHECKSUM=");
  await expect(imported.getByTestId("import-command-docker")).toContainText("node:20.19.5-alpine node -e '");
  await expect(imported.getByTestId("import-command-systemd")).toContainText("sudo systemctl enable --now outpost-agent");
  // The console runs on localhost here: the dialog warns that remote agents could not dial it.
  await expect(imported.getByTestId("agent-url-warning")).toContainText("only reachable from this machine");
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
  const image = await runImportCommand("kubectl get deploy outpost-agent -n outpost-system -o jsonpath='{.spec.template.spec.containers[0].image}'", kubeconfigOf(fleet, "plant-berlin"));
  expect(image).toBe("node:20.19.5-alpine");

  await expect(page.getByTestId("cluster-state")).toHaveText("Active", { timeout: 15_000 });
  await expect(page.getByTestId("overview-version")).toContainText("v1.31.4+k3s1");
  // The overview's lists may have failed while the cluster was Pending; they list again at once.
  await expect(page.getByTestId("overview-nodes")).toContainText("3/3", { timeout: 15_000 });
  // One "last seen" on the page (the overview's), in the past.
  await expect(page.getByText("Last seen", { exact: true })).toHaveCount(1);
  const logs = await runImportCommand("kubectl logs -n outpost-system deploy/outpost-agent", kubeconfigOf(fleet, "plant-berlin"));
  expect(logs).toMatch(/outpost-bootstrap: agent bundle [0-9a-f]{64} verified; starting it/);

  await page.goto("/clusters");
  const row = page.getByTestId("cluster-row-plant-berlin");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("eu-central");
});
