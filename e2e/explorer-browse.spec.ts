import { expect, test } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { startExplorerCluster } from "./support/explorer-fixture";
import type { SimulatedFleet } from "./support/simulated-clusters";

// A fresh name per worker: after a failure Playwright retries in a new worker, whose
// beforeAll registers the cluster again.
const NAME = `explorer-browse-${Date.now().toString(36).slice(-5)}`;
let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
test.beforeAll(async ({ request }) => {
  ({ fleet, cluster } = await startExplorerCluster(request, NAME));
});
test.afterAll(async () => {
  await fleet?.stop();
});

// Journey: an admin opens an imported cluster, sees its overview, browses nodes, pods
// (namespace filter, text filter and sort in the URL, keyboard to open a pod) and events.
// -o wide node columns (OS-IMAGE, KERNEL-VERSION) show from 1536 px.
test.use({ viewport: { width: 1920, height: 1080 } });

test("browse a cluster's overview, nodes, pods and events", async ({ page }) => {
  await page.goto(`/clusters/${cluster.id}`);
  await expect(page.getByTestId("overview-version")).toContainText("v1.31.4+k3s1");
  await expect(page.getByTestId("overview-nodes")).toContainText("3/3");

  await page.getByRole("link", { name: "Nodes" }).click();
  const nodes = page.getByRole("table", { name: "Nodes" });
  for (const header of ["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]) {
    await expect(nodes.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId(`row-${NAME}-server`)).toContainText("control-plane,master");
  await expect(nodes.getByRole("row").filter({ hasText: "Ready" })).toHaveCount(3);

  await page.getByRole("link", { name: "Pods" }).click();
  await page.getByLabel("Namespace").selectOption("demo");
  await expect(page).toHaveURL(/ns=demo/);
  const pods = page.getByRole("table", { name: "Pods" });
  await expect(pods.getByRole("row").filter({ hasText: /^web-/ }).first()).toBeVisible();
  await expect(pods.getByRole("row").filter({ hasText: "CrashLoopBackOff" })).toHaveCount(1, { timeout: 30_000 });
  await expect(pods.getByRole("row").filter({ hasText: "ImagePullBackOff" })).toHaveCount(1);
  await page.getByLabel("Filter").fill("web-");
  await expect(page).toHaveURL(/q=web-/);
  await expect(pods.locator("tbody tr[data-index]")).toHaveCount(3);
  await pods.getByRole("button", { name: "STATUS", exact: true }).click();
  await expect(page).toHaveURL(/sort=status/);

  // The URL is the view: reloading keeps the filters.
  await page.reload();
  await expect(page.getByLabel("Namespace")).toHaveValue("demo");
  await expect(pods.locator("tbody tr[data-index]")).toHaveCount(3);

  // Keyboard: focus the first row, move down, Enter opens the pod.
  const first = pods.locator("tbody tr[data-index]").first();
  await first.focus();
  await page.keyboard.press("ArrowDown");
  const focusedName = (await pods.locator("tbody tr[data-index]:focus td").first().textContent()) ?? "";
  expect(focusedName).toMatch(/^web-/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `demo/${focusedName}` })).toBeVisible();
  await expect(page.getByText("Controlled by")).toBeVisible();
  await page.getByRole("tab", { name: "YAML" }).click();
  await expect(page.getByLabel("YAML of the object")).toContainText(`name: ${focusedName}`);

  await page.getByRole("link", { name: "Events" }).click();
  const events = page.getByRole("table", { name: "Events" });
  for (const header of ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]) await expect(events.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  await expect(events.getByRole("row").filter({ hasText: "BackOff" }).first()).toBeVisible();
});

// Journey: follow a pod's logs and watch new lines arrive; search highlights matches.
test("follow a pod's logs and see new lines arrive", async ({ page }) => {
  await page.goto(`/clusters/${cluster.id}/pods?ns=demo&q=web-`);
  const row = page.getByRole("table", { name: "Pods" }).locator("tbody tr[data-index]").first();
  await row.getByRole("link").click();
  await page.getByRole("tab", { name: "Logs" }).click();
  const logs = page.getByTestId("pod-logs");
  await expect(logs.locator("div").first()).toBeVisible();
  await expect(page.getByTestId("logs-state")).toHaveText("Following…");
  const lastLine = async () => (await logs.locator("div").last().textContent()) ?? "";
  const before = await lastLine();
  // The simulated nginx writes a line every few seconds; a new one must appear without reloading.
  await expect.poll(lastLine, { timeout: 30_000 }).not.toBe(before);

  await page.getByLabel("Search").fill("kube-probe");
  await expect(logs.locator("mark").first()).toHaveText("kube-probe");
  await expect(page.getByText(/matching line/)).toBeVisible();
  const download = page.getByRole("link", { name: "Download" });
  await expect(download).toHaveAttribute("href", /download=true/);
});
