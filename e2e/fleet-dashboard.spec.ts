import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { isFailingPodStatus } from "../lib/shared/fleet/project-objects";
import { connectSimCluster, kubeconfigOf, startSimulatedFleet, type SimulatedFleet } from "./support/simulated-clusters";

const run = promisify(execFile);
const NAMES = ["noc-a", "noc-b", "noc-c"];
export const ARTIFACTS = path.join(__dirname, "artifacts");

let fleet: SimulatedFleet;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  fleet = await startSimulatedFleet(NAMES.map((name) => ({ name, scenarios: ["k3s", "demo"] })));
});
test.afterAll(async () => {
  await fleet?.stop();
});

/** What real kubectl prints for a simulated cluster, counted as the fleet counts it. */
async function kubectlCounts(name: string): Promise<{ nodes: string; failing: string }> {
  const env = { ...process.env, KUBECONFIG: kubeconfigOf(fleet, name) };
  const nodes = (await run("kubectl", ["get", "nodes", "--no-headers"], { env })).stdout.trim().split("\n");
  const pods = (await run("kubectl", ["get", "pods", "-A", "--no-headers"], { env })).stdout.trim().split("\n");
  const ready = nodes.filter((l) => /^\S+\s+Ready\b/.test(l)).length;
  // NAMESPACE NAME READY STATUS RESTARTS AGE
  const failing = pods.filter((l) => isFailingPodStatus(l.trim().split(/\s+/)[3] ?? "")).length;
  return { nodes: `${ready}/${nodes.length}`, failing: String(failing) };
}

const row = (page: Page, name: string) => page.getByTestId(`fleet-row-${name}`);

// Journey: three clusters imported through the real flow show up Active on the fleet page
// with the numbers kubectl prints; the fleet search finds their objects across clusters.
test("imported clusters appear Active with kubectl's numbers, and are searchable", async ({ page, request }) => {
  test.setTimeout(180_000);
  for (const [i, name] of NAMES.entries()) await connectSimCluster(request, fleet, name, { region: i === 2 ? "us-east" : "eu-west", labels: { env: "noc" } });
  await page.goto("/fleet?q=noc-");
  for (const name of NAMES) {
    await expect(row(page, name).getByTestId("cluster-state")).toHaveText("Active");
    // The collector's first pass for a new cluster comes within one interval (15 s) after its caches sync.
    await expect
      .poll(async () => {
        const expected = await kubectlCounts(name);
        await page.reload();
        // Before the first collection the cells show "—" (no test ids): not collected yet.
        if ((await row(page, name).getByTestId("nodes").count()) === 0) return "not collected yet";
        const shown = { nodes: await row(page, name).getByTestId("nodes").textContent(), failing: await row(page, name).getByTestId("failing-pods").textContent() };
        return JSON.stringify(shown) === JSON.stringify(expected) ? "match" : `kubectl ${JSON.stringify(expected)} vs fleet ${JSON.stringify(shown)}`;
      }, { timeout: 60_000, intervals: [2_000] })
      .toBe("match");
    await expect(row(page, name).getByTestId("data-age").first()).toHaveAttribute("data-stale", "false");
  }
  await expect(page.getByTestId("summary-clusters")).toBeVisible();

  await page.goto("/fleet/search");
  await page.getByLabel("Name or label").fill("coredns");
  await page.getByLabel("Kind").selectOption("deployment");
  const hits = page.getByTestId("search-hit").filter({ hasText: /noc-/ });
  await expect(hits).toHaveCount(3);
  await expect(hits.first().getByRole("link", { name: "coredns" })).toHaveAttribute("href", /^\/clusters\/[^/]+\/deployments\/kube-system\/coredns$/);
});

// The wall screen at 1920×1080 on the three imported clusters: zoomed into their label
// group, they get big tiles; hovering one shows its full name.
test("kiosk mode shows the imported clusters as named tiles at 1920×1080", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto("/fleet?kiosk=1&group=label:env&focus=noc");
  await expect(page).toHaveURL(/\/fleet\/kiosk\?/);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-status", "live");
  const canvas = page.getByTestId("wall-canvas");
  await expect(canvas).toHaveAttribute("data-cells", String(NAMES.length));
  await expect(canvas).toHaveAttribute("data-cell-mode", "tile");
  const header = (await page.getByTestId("wall-group").first().boundingBox())!;
  await page.mouse.move(header.x + 20, header.y + header.height + 40);
  await expect(page.getByTestId("wall-tooltip")).toHaveAttribute("data-cluster", /^noc-[abc]$/);
  await page.screenshot({ path: path.join(ARTIFACTS, "fleet-kiosk-1920x1080.png") });
});

// Acceptance: a partitioned cluster turns Unavailable within 15 s and keeps its last-known
// numbers with their age; its alert appears after a minute and clears when the partition heals.
test("a partition turns a cluster Unavailable with last-known numbers; its alert appears and clears", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/fleet?q=noc-");
  const b = row(page, "noc-b");
  await expect(b.getByTestId("cluster-state")).toHaveText("Active");
  const nodesBefore = await b.getByTestId("nodes").textContent();
  const sim = fleet.sim.clusters.find((c) => c.name === "noc-b")!;

  const partitionedAt = Date.now();
  sim.setFaults({ partition: true });
  await expect(b.getByTestId("cluster-state")).toHaveText("Unavailable", { timeout: 15_000 });
  console.log(`noc-b shown Unavailable ${((Date.now() - partitionedAt) / 1000).toFixed(1)} s after the partition`);
  await expect(b.getByTestId("nodes")).toHaveText(nodesBefore ?? "");
  await expect(b.getByTestId("data-age").first()).toHaveAttribute("data-stale", "true", { timeout: 60_000 });
  await expect(b.getByTestId("data-age").first()).toContainText(/stale/);
  await expect(row(page, "noc-a").getByTestId("cluster-state")).toHaveText("Active");

  await page.goto("/fleet/alerts");
  const alert = page.getByTestId("alert-cluster-unavailable-noc-b");
  await expect(alert).toBeVisible({ timeout: 120_000 });
  await expect(alert).toContainText("Cluster noc-b is Unavailable");
  await alert.getByRole("button", { name: "Acknowledge" }).click();
  await expect(alert).toContainText("admin at");

  sim.setFaults({});
  await expect(alert).toHaveCount(0, { timeout: 120_000 });
  await page.getByRole("button", { name: "Resolved" }).click();
  await expect(page.getByTestId("alert-cluster-unavailable-noc-b")).toBeVisible();
  await page.goto("/fleet?q=noc-");
  await expect(row(page, "noc-b").getByTestId("cluster-state")).toHaveText("Active");
});
