import { expect, test } from "@playwright/test";

// Journey: the admin sets the URL agents dial (like Rancher's server-url prompt). A name the
// console's certificate lacks is accepted after the certificate is re-issued from the
// console CA; an unresolvable one is refused on the field; the default comes back on revert.
// Whatever happens, the setting is reverted afterwards: a URL left set would be put into
// every later import command.
test.afterEach(async ({ page }) => {
  const res = await page.request.delete("/api/v1/settings/agent-url");
  expect(res.status()).toBe(200);
});

test("admin sets the URL agents use, then reverts to the environment default", async ({ page, baseURL }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "URL agents use" })).toBeVisible();
  await expect(page.getByTestId("agent-url-current")).toContainText("from OUTPOST_SERVER_URL");
  const field = page.getByLabel("Agent URL");
  await expect(page.getByRole("alert").filter({ hasText: "only reachable" })).toContainText("only reachable from the console's own machine");

  await field.fill("https://no-such-host.invalid:8443");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("This name does not resolve from the console.")).toBeVisible();

  const port = new URL(baseURL!).port;
  await field.fill(`https://10.99.0.1:${port}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved. The serving certificate was re-issued from the console CA to cover this name.");
  await expect(page.getByTestId("agent-url-current")).toContainText(`https://10.99.0.1:${port} (set here)`);
  await expect(page.getByRole("alert").filter({ hasText: "only reachable" })).toHaveCount(0);
  const audit = await page.request.get("/api/v1/audit?action=settings.agent-url.update");
  const entries = ((await audit.json()) as { items: Array<{ details: unknown }> }).items;
  expect(entries.some((e) => JSON.stringify(e.details).includes(`https://10.99.0.1:${port}`))).toBe(true);

  await page.getByRole("button", { name: "Use the environment default" }).click();
  await expect(page.getByTestId("agent-url-current")).toContainText("from OUTPOST_SERVER_URL");
});
