import { expect, test } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { startExplorerCluster } from "./support/explorer-fixture";
import { signInAs } from "./support/sign-in-as";
import type { SimulatedFleet } from "./support/simulated-clusters";

// A fresh name per worker (a retry in a new worker registers the cluster again).
const NAME = `explorer-actions-${Date.now().toString(36).slice(-5)}`;
let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
test.beforeAll(async ({ request }) => {
  ({ fleet, cluster } = await startExplorerCluster(request, NAME));
});
test.afterAll(async () => {
  await fleet?.stop();
});

// Journey: an operator deletes a pod; the live list (another tab) shows it Terminating and
// a replacement appear, without reloading. The admin finds the deletion in the audit log.
test("an operator deletes a pod and watches it go Terminating and be replaced", async ({ browser, page, request }) => {
  const operator = await signInAs(browser, request, "olga", "operator");
  const list = await operator.context().newPage();
  await list.goto(`/clusters/${cluster.id}/pods?ns=demo&q=web-`);
  const rows = list.getByRole("table", { name: "Pods" }).locator("tbody tr[data-index]");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Running" })).toHaveCount(3);
  const victim = (await rows.first().locator("td").first().textContent()) ?? "";
  const before = new Set(await rows.locator("td:first-child").allTextContents());

  await operator.goto(`/clusters/${cluster.id}/pods/demo/${victim}`);
  await operator.getByRole("button", { name: "Delete Pod" }).click();
  const dialog = operator.getByRole("dialog", { name: `Delete Pod ${victim}?` });
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog).toBeHidden();

  // The list updates live (SSE): Terminating, then gone, and a new pod takes its place.
  await expect(list.getByTestId(`row-${victim}`)).toContainText("Terminating");
  await expect(list.getByTestId(`row-${victim}`)).toHaveCount(0, { timeout: 20_000 });
  await expect(rows).toHaveCount(3, { timeout: 20_000 });
  const after = await rows.locator("td:first-child").allTextContents();
  expect(after.filter((n) => !before.has(n))).toHaveLength(1);
  await expect(rows.filter({ hasText: "Running" })).toHaveCount(3, { timeout: 20_000 });
  await expect(list.getByTestId("stale-marker")).toHaveCount(0);

  await page.goto("/audit?actor=olga");
  await expect(page.getByRole("table", { name: "Audit log" }).getByText("k8s.pod.delete")).toBeVisible();
  await operator.context().close();
});

// Journey: a viewer browses the same cluster but sees no action buttons, and the API
// refuses the actions (403) — the explorer's and kubectl's.
test("a viewer sees no action buttons and direct API calls answer 403", async ({ browser, request }) => {
  const viewer = await signInAs(browser, request, "vince", "viewer");
  await viewer.goto(`/clusters/${cluster.id}/pods?ns=demo&q=web-`);
  const rows = viewer.getByRole("table", { name: "Pods" }).locator("tbody tr[data-index]");
  await expect(rows).toHaveCount(3);
  const pod = (await rows.first().locator("td").first().textContent()) ?? "";
  await rows.first().getByRole("link").click();
  await expect(viewer.getByRole("heading", { name: `demo/${pod}` })).toBeVisible();
  await expect(viewer.getByText("Controlled by")).toBeVisible();
  await expect(viewer.getByTestId("object-actions")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Delete Pod", exact: true })).toHaveCount(0);
  await viewer.goto(`/clusters/${cluster.id}/deployments/demo/web`);
  await expect(viewer.getByRole("heading", { name: "demo/web" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Scale", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Restart", exact: true })).toHaveCount(0);

  const origin = new URL(viewer.url()).origin;
  const calls = [
    viewer.request.delete(`/api/v1/clusters/${cluster.id}/pods/demo/${pod}`, { headers: { origin } }),
    viewer.request.post(`/api/v1/clusters/${cluster.id}/deployments/demo/web/scale`, { headers: { origin }, data: { replicas: 0 } }),
    viewer.request.post(`/api/v1/clusters/${cluster.id}/deployments/demo/web/restart`, { headers: { origin } }),
  ];
  for (const res of await Promise.all(calls)) {
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  }
  // Reading stays allowed.
  expect((await viewer.request.get(`/api/v1/clusters/${cluster.id}/pods?namespace=demo`)).status()).toBe(200);
  await viewer.context().close();
});
