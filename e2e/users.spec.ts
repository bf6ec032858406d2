import { expect, test } from "@playwright/test";

// Journey: an admin adds a viewer; the viewer signs in, sees no user administration, and
// the API refuses them.
test("admin creates a viewer, who cannot reach user administration", async ({ page, browser }) => {
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Username").fill("val");
  await dialog.getByLabel("Display name").fill("Val the viewer");
  await dialog.getByLabel("Role").selectOption("viewer");
  await dialog.getByLabel("Initial password").fill("val-initial-password");
  await dialog.getByLabel("Must change the password at first sign-in").uncheck();
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("user-row-val");
  await expect(row).toContainText("Val the viewer");
  await expect(row.getByRole("combobox")).toHaveValue("viewer");

  // A second browser, as the viewer.
  const viewer = await browser.newContext({ storageState: { cookies: [], origins: [] }, ignoreHTTPSErrors: true });
  const vp = await viewer.newPage();
  await vp.goto("/login");
  await vp.getByLabel("Username").fill("val");
  await vp.getByLabel("Password").fill("val-initial-password");
  await vp.getByRole("button", { name: "Sign in" }).click();
  await expect(vp).toHaveURL(/\/fleet$/);
  const nav = vp.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Fleet" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit" })).toHaveCount(0);

  await vp.goto("/users");
  await expect(vp.getByText("Your role does not allow this.")).toBeVisible();
  await expect(vp.getByRole("button", { name: "Add user" })).toHaveCount(0);

  const list = await vp.request.get("/api/v1/users");
  expect(list.status()).toBe(403);
  const create = await vp.request.post("/api/v1/users", {
    data: { username: "sneaky", role: "admin", password: "sneaky-password-1" },
    headers: { origin: new URL(vp.url()).origin },
  });
  expect(create.status()).toBe(403);
  expect(((await create.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  await viewer.close();

  // The admin sees the viewer's sign-in in the audit log.
  await page.goto("/audit?actor=val");
  await expect(page.getByRole("table", { name: "Audit log" }).getByText("auth.login").first()).toBeVisible();
});
