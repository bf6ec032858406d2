import path from "node:path";
import { expect, test } from "@playwright/test";

// Journey: a user switches the console to 简体中文; navigation, a table and an error state
// are translated, and the choice follows the user. A screenshot is kept as an artifact.
test("switching to 简体中文 translates navigation, tables and errors", async ({ page }) => {
  await page.goto("/users");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toBeVisible();

  await page.getByTestId("user-menu").getByLabel("Language").selectOption("zh-Hans");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "集群总览" })).toBeVisible();
  for (const item of ["集群", "用户", "审计"]) await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "用户" })).toBeVisible();
  const table = page.getByRole("table", { name: "用户" });
  for (const header of ["用户名", "显示名称", "角色", "状态", "创建时间"]) await expect(table.getByRole("columnheader", { name: header })).toBeVisible();
  await expect(table.getByRole("combobox").first()).toHaveValue("admin");
  await expect(table.getByText("管理员").first()).toBeAttached();

  // The choice is stored with the user: a fresh browser session signs in in Chinese.
  const me = (await (await page.request.get("/api/v1/me")).json()) as { user: { locale: string } };
  expect(me.user.locale).toBe("zh-Hans");

  // An error state, translated from the API's error code.
  await page.goto("/clusters/no-such-cluster");
  await expect(page.getByText("该集群不存在（可能已被删除）。")).toBeVisible();
  await page.goto("/clusters");
  await expect(page.getByRole("button", { name: "导入集群" })).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, "artifacts", "zh-Hans-clusters.png"), fullPage: true });

  // Dates follow the locale too (audit log times, relative ages).
  await page.goto("/audit");
  await expect(page.getByRole("table", { name: "审计日志" })).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, "artifacts", "zh-Hans-audit.png"), fullPage: true });

  await page.getByTestId("user-menu").getByLabel("语言").selectOption("en");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});
