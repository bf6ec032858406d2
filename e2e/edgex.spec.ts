import { expect, test } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { signInAs } from "./support/sign-in-as";
import { connectSimCluster, startSimulatedFleet, type SimulatedFleet } from "./support/simulated-clusters";

const SIM = "edgex-plant";
const SERVICES = ["edgex-core-data", "edgex-core-metadata", "edgex-core-command", "edgex-support-notifications", "edgex-support-scheduler", "edgex-device-virtual", "edgex-device-rest"];

let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
test.beforeAll(async ({ request }) => {
  fleet = await startSimulatedFleet([{ name: SIM, scenarios: ["k3s", "edgex"] }]);
  cluster = await connectSimCluster(request, fleet, SIM);
});
test.afterAll(async () => {
  await fleet?.stop();
});

// Journey: an admin opens a cluster's EdgeX tab: every service up with its version, the
// release, devices listed, readings that move while watched, and a read command's value.
test("EdgeX tab: services up with versions, devices, live readings, a GET command's value", async ({ page }) => {
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("navigation", { name: "Cluster pages" }).getByRole("link", { name: "EdgeX" }).click();
  await expect(page.getByTestId("edgex-release")).toContainText("EdgeX 3.1.1 Napa (3.x)");
  for (const name of SERVICES) {
    const row = page.getByTestId(`edgex-service-${name}`);
    await expect(row).toHaveAttribute("data-up", "true");
    await expect(row.getByTestId("edgex-service-version")).toHaveText("3.1.1");
  }
  await expect(page.getByTestId("edgex-summary-services")).toHaveText(/8 \/ 8/);

  // The configuration viewer shows settings but never a secret.
  await page.getByRole("button", { name: "Configuration of edgex-core-data" }).click();
  const config = page.getByTestId("edgex-config");
  await expect(config).toContainText("Host: edgex-redis");
  await expect(config).toContainText("Password: ••••••");
  await expect(config).not.toContainText("hvs.");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  await page.getByRole("link", { name: "Devices", exact: true }).click();
  await expect(page.getByTestId("edgex-device-Random-Boolean-Device")).toContainText("device-virtual");
  await expect(page.getByTestId("edgex-device-Thermostat-Floor1")).toContainText("UNLOCKED");
  await expect(page.getByTestId("edgex-device-Pallet-Scale-02")).toContainText("LOCKED");

  await page.getByRole("link", { name: "Readings and events" }).click();
  const newest = page.getByTestId("edgex-reading-row").first();
  await expect(newest).toBeVisible();
  await expect(page.getByTestId("sparkline").first()).toBeVisible();
  const first = await newest.getAttribute("data-at");
  // Devices emit every 10–30 s and the view polls every 5 s: a newer reading shows up without a reload.
  await expect.poll(async () => newest.getAttribute("data-at"), { timeout: 40_000, intervals: [1_000] }).not.toBe(first);

  await page.goto(`/clusters/${cluster.id}/edgex/devices/Thermostat-Floor1`);
  await expect(page.getByTestId("edgex-resource-SetPoint")).toContainText("RW");
  await page.getByRole("button", { name: "Read Climate" }).click();
  // Numbers for people: "21.5 degC", never Go's "2.15e+01".
  await expect(page.getByTestId("edgex-value-Temperature")).toContainText(/^\d{1,2}(\.\d{1,2})? degC$/);
  await expect(page.getByTestId("edgex-value-Humidity")).toContainText("%RH");
});

// Journey: an operator sets a thermostat from a form built from its profile, confirms,
// reads the new value back; the admin finds the audit event. A viewer gets no set controls
// and the API refuses them.
test("an operator runs a PUT command (audited); a viewer cannot", async ({ browser, page, request }) => {
  const operator = await signInAs(browser, request, "edgex-olga", "operator");
  await operator.goto(`/clusters/${cluster.id}/edgex/devices/Thermostat-Floor1`);
  await operator.getByRole("button", { name: "Set Settings" }).click();
  const form = operator.getByRole("dialog", { name: "Set Settings on Thermostat-Floor1" });
  await expect(form.getByLabel("SetPoint (degC)")).toBeVisible();
  await expect(form.getByLabel("Temperature (degC)")).toHaveCount(0); // read-only: not offered
  await form.getByLabel("SetPoint (degC)").fill("99");
  await form.getByRole("button", { name: "Review" }).click();
  await expect(form.getByText("Must be between 5 and 35")).toBeVisible();
  await form.getByLabel("SetPoint (degC)").fill("24.5");
  await form.getByLabel("FanMode").fill("LOW");
  await form.getByRole("button", { name: "Review" }).click();
  const confirm = operator.getByRole("dialog", { name: "Send Settings to Thermostat-Floor1?" });
  await expect(confirm).toContainText("24.5");
  await confirm.getByRole("button", { name: "Send command" }).click();
  await expect(form.getByTestId("edgex-set-result")).toHaveText("Settings was sent to the device.");
  await form.getByRole("button", { name: "Close" }).click();
  await operator.getByRole("button", { name: "Read Settings" }).click();
  await expect(operator.getByTestId("edgex-value-SetPoint")).toHaveText("24.5 degC");
  await expect(operator.getByTestId("edgex-value-FanMode")).toHaveText("LOW");

  const audit = await request.get("/api/v1/audit?action=edgex.command.set&actor=edgex-olga");
  expect(audit.status()).toBe(200);
  const events = ((await audit.json()) as { items: Array<{ outcome: string; targetId: string; details: Record<string, unknown> }> }).items;
  expect(events[0]).toMatchObject({ outcome: "success", targetId: cluster.id, details: { device: "Thermostat-Floor1", command: "Settings", values: { SetPoint: "24.5", FanMode: "LOW" } } });
  await operator.context().close();

  const viewer = await signInAs(browser, request, "edgex-vic", "viewer");
  await viewer.goto(`/clusters/${cluster.id}/edgex/devices/Thermostat-Floor1`);
  await expect(viewer.getByRole("button", { name: "Read Settings" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: /^Set / })).toHaveCount(0);
  const origin = new URL(viewer.url()).origin;
  const put = await viewer.request.put(`/api/v1/clusters/${cluster.id}/edgex/devices/Thermostat-Floor1/commands/Settings`, { headers: { origin }, data: { values: { SetPoint: 20 } } });
  expect(put.status()).toBe(403);
  await viewer.context().close();

  await page.goto("/audit?action=edgex.command.set");
  await expect(page.getByRole("table", { name: "Audit log" }).getByText("edgex.command.set").first()).toBeVisible();
});

// Journey: EdgeX faults in the cluster turn exactly the affected service red with the
// right reason within one refresh, while the rest of the page keeps working.
test("a service down or answering garbage turns red with its reason within one refresh", async ({ page }) => {
  const sim = fleet!.sim.clusters[0]!;
  await page.goto(`/clusters/${cluster.id}/edgex`);
  await expect(page.getByTestId("edgex-service-edgex-support-notifications")).toHaveAttribute("data-up", "true");
  sim.setFaults({ edgex: { down: ["edgex-support-notifications"], malformed: ["edgex-device-rest"] } });
  const down = page.getByTestId("edgex-service-edgex-support-notifications");
  await expect(down).toHaveAttribute("data-up", "false", { timeout: 12_000 });
  await expect(down.getByTestId("edgex-service-failure")).toHaveAttribute("data-reason", "down");
  await expect(down).toContainText("Down: the service cannot be reached");
  const garbage = page.getByTestId("edgex-service-edgex-device-rest");
  await expect(garbage.getByTestId("edgex-service-failure")).toHaveAttribute("data-reason", "malformed");
  await expect(page.getByTestId("edgex-service-edgex-core-data")).toHaveAttribute("data-up", "true");
  await expect(page.getByTestId("edgex-summary-services")).toHaveText(/6 \/ 8/);
  sim.setFaults({});
  await expect(down).toHaveAttribute("data-up", "true", { timeout: 12_000 });
});
