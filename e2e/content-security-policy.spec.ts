import { expect, test } from "@playwright/test";

// Journey: pages carry a nonce-based Content-Security-Policy, and with it in force the
// console still works (client navigation, a dialog, a live page) with no CSP violation.
test("pages send a nonce CSP and keep working under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto("/users");
  const policy = first?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  // A fresh nonce per page view.
  const second = await page.request.get("/users");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);

  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("dialog", { name: "Add user" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fleet" }).click();
  await expect(page).toHaveURL(/\/fleet$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/audit/);
  await expect(page.getByRole("table")).toBeVisible();
  expect(violations).toEqual([]);
});
