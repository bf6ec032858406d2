import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

/**
 * Creates a user through the admin API (`adminRequest` carries the admin's session) and
 * signs them in through the login page in a fresh browser context.
 */
export async function signInAs(browser: Browser, adminRequest: APIRequestContext, username: string, role: "operator" | "viewer"): Promise<Page> {
  const password = `${username}-e2e-password`;
  const res = await adminRequest.post("/api/v1/users", { data: { username, role, password, mustChangePassword: false } });
  expect(res.status(), await res.text()).toBe(201);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/fleet$/);
  return page;
}
