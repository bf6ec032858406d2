import { expect, test } from "@playwright/test";

// Journey: an admin creates a fleet token (shown once, with its import commands and a
// cloud-init snippet), a site registers itself with it (what its agent sends), waits in the
// queue with what it reported, is approved under a corrected name, receives its credential at
// its next ask, and its cluster page says how it joined; the k3s upgrade page shows the fleet's
// version spread and the form. The cluster is deleted and the token revoked afterwards.
test("admin approves a site that registered itself with a fleet token", async ({ page }) => {
  let clusterId: string | undefined;
  const identity = { nodeName: "e2e-site-1", machineId: "e2e00000000000000000000000000001", arch: "arm64", k3sVersion: "v1.31.4+k3s1", labels: { rack: "r1" } };
  try {
    await page.goto("/clusters/registration");
    await expect(page.getByText("No cluster is waiting")).toBeVisible();
    const form = page.getByRole("form", { name: "New fleet token" });
    await form.getByLabel("Name", { exact: true }).fill("e2e shipment");
    await form.getByLabel("Label template").fill("region=e2e-north,site=${hostname}");
    await form.getByLabel("Maximum clusters").fill("2");
    await form.getByRole("button", { name: "Create token" }).click();
    const created = page.getByTestId("fleet-token-created");
    const kubectl = created.getByTestId("import-command-kubectl");
    await expect(kubectl).toContainText("/v3/import/oft-");
    await expect(created.getByTestId("fleet-token-cloud-init")).toContainText("#cloud-config");
    const token = /oft-[0-9a-f]{64}/.exec((await kubectl.textContent()) ?? "")?.[0] ?? "";
    expect(token).not.toBe("");
    await expect(page.getByTestId("fleet-token-row-e2e shipment")).toContainText("0 of 2");

    const ask = () => page.request.post("/v3/connect/register", { data: { token, identity, agentVersion: "0.1.0" } });
    expect((await ask()).status()).toBe(202);
    const row = page.getByTestId("registration-row-e2e-site-1");
    await expect(row).toContainText("rack=r1, region=e2e-north, site=e2e-site-1");
    await expect(row).toContainText("v1.31.4+k3s1 on arm64");
    await row.getByRole("button", { name: "Approve e2e-site-1" }).click();
    const dialog = page.getByRole("dialog", { name: "Approve e2e-site-1" });
    await dialog.getByLabel("Cluster name").fill("e2e-site-one");
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByText("No cluster is waiting")).toBeVisible();

    const answer = await ask();
    expect(answer.status()).toBe(200);
    clusterId = ((await answer.json()) as { clusterId: string }).clusterId;
    await page.goto(`/clusters/${clusterId}`);
    // Display name from the token's template; name as corrected at approval.
    await expect(page.getByRole("heading", { name: "e2e-site-1", level: 1 })).toBeVisible();
    await expect(page.getByText("e2e-site-one", { exact: true })).toBeVisible();
    await expect(page.getByTestId("cluster-lifecycle")).toContainText("Registered itself with fleet token e2e shipment, approved by");

    await page.goto("/bundles/upgrade");
    await expect(page.getByTestId("version-spread")).toContainText("v1.31.4+k3s1");
    await expect(page.getByRole("form", { name: "Start a k3s upgrade" })).toBeVisible();
  } finally {
    if (clusterId) expect((await page.request.delete(`/api/v1/clusters/${clusterId}`)).status()).toBe(200);
    const tokens = (await (await page.request.get("/api/v1/fleet-tokens")).json()) as { items: Array<{ id: string; status: string }> };
    for (const t of tokens.items.filter((x) => x.status !== "revoked")) await page.request.delete(`/api/v1/fleet-tokens/${t.id}`);
  }
});
