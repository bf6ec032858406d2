import { expect, test } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

// Journey: wrong passwords get one generic message; repeated failures are refused (429).
test("wrong password gives a generic error, repeated failures are rate limited", async ({ page }) => {
  await page.goto("/login");
  const username = page.getByLabel("Username");
  const password = page.getByLabel("Password");
  const submit = page.getByRole("button", { name: "Sign in" });

  await username.fill("mallory");
  await password.fill("guess-number-0");
  await submit.click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid username or password.");

  for (let i = 1; i < 10; i++) {
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/v1/session"));
    await password.fill(`guess-number-${i}`);
    await submit.click();
    expect((await answered).status()).toBe(401);
  }
  const limited = page.waitForResponse((r) => r.url().endsWith("/api/v1/session"));
  await password.fill("guess-number-10");
  await submit.click();
  expect((await limited).status()).toBe(429);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many attempts. Wait a few minutes and try again.");
  await expect(page).toHaveURL(/\/login$/);
});
