import { expect, test } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { connectSimCluster, startSimulatedFleet, type SimulatedFleet } from "./support/simulated-clusters";

const SIM = "kubeedge-farm";

let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
test.beforeAll(async ({ request }) => {
  fleet = await startSimulatedFleet([{ name: SIM, scenarios: ["k3s", "kubeedge"] }]);
  cluster = await connectSimCluster(request, fleet, SIM);
});
test.afterAll(async () => {
  await fleet?.stop();
});

// Journey: an admin opens the KubeEdge tab of a cluster with KubeEdge: edge nodes marked
// with their KubeEdge release, devices with their twins, and the drifting ones highlighted.
test("KubeEdge tab: edge nodes marked, devices with twins and drift", async ({ page }) => {
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("navigation", { name: "Cluster pages" }).getByRole("link", { name: "KubeEdge" }).click();
  for (const node of [`${SIM}-edge-1`, `${SIM}-edge-2`]) {
    const row = page.getByTestId(`kubeedge-node-${node}`);
    await expect(row).toContainText("KubeEdge v1.18.0");
    await expect(row).toContainText("v1.29.5-kubeedge-v1.18.0");
  }
  await expect(page.getByTestId(`kubeedge-node-${SIM}-server`)).toHaveCount(0);
  await expect(page.getByTestId(`kubeedge-node-${SIM}-agent-1`)).toHaveCount(0);

  const drifting = page.getByTestId("kubeedge-device-thermometer-2");
  await expect(drifting).toHaveAttribute("data-drift", "true");
  await expect(drifting.getByTestId("kubeedge-twin-setpoint")).toHaveAttribute("data-state", "drift");
  await expect(drifting.getByTestId("kubeedge-twin-setpoint")).toContainText("desired 21.5 · reported 19.0");
  await expect(drifting.getByTestId("kubeedge-twin-temperature")).toHaveAttribute("data-state", "reported_only");
  await expect(page.getByTestId("kubeedge-device-thermometer-1")).toHaveAttribute("data-drift", "false");
  await expect(page.getByTestId("kubeedge-device-relay-1").getByTestId("kubeedge-twin-state")).toHaveAttribute("data-state", "in_sync");
  await expect(page.getByTestId("kubeedge-device-relay-2").getByTestId("kubeedge-twin-state")).toHaveAttribute("data-state", "drift");
  await expect(page.getByTestId("kubeedge-drift-count")).toHaveText("2 devices drift (of 4)");
  await expect(page.getByTestId("kubeedge-model-thermometer")).toContainText("setpoint: FLOAT (ReadWrite)");
});

// The explorer's Nodes table badges KubeEdge edge nodes next to their name.
test("Nodes tab: edge nodes carry the KubeEdge badge, cloud nodes do not", async ({ page }) => {
  await page.goto(`/clusters/${cluster.id}/nodes`);
  await expect(page.getByTestId(`row-${SIM}-edge-1`).getByTestId("kubeedge-edge-badge")).toHaveText("KubeEdge v1.18.0");
  await expect(page.getByTestId(`row-${SIM}-server`)).toBeVisible();
  await expect(page.getByTestId(`row-${SIM}-server`).getByTestId("kubeedge-edge-badge")).toHaveCount(0);
});
