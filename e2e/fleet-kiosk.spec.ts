import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { HEALTH_RANK, type THealthLevel } from "../lib/shared/fleet/cluster-health";
import { E2E_DATA_DIR, ROOT } from "./support/console-process";

const run = promisify(execFile);
const ARTIFACTS = path.join(__dirname, "artifacts");
const MANY = "wall-";
const FEW = "wallfew-";
const FEW_REGION = "wall-few";

/** The console's own seeding tool (set-based SQL into its database): 10,000 rows in one statement, not 10,000 API calls. */
async function seedFleet(...args: string[]): Promise<void> {
  await run(process.execPath, ["--require", "./scripts/register-server-only.cjs", "--import", "tsx", "scripts/seed-fleet.ts", "--data-dir", E2E_DATA_DIR, ...args], { cwd: ROOT });
}

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  await seedFleet("--count", "10000", "--prefix", MANY);
  await seedFleet("--count", "6", "--prefix", FEW, "--region", FEW_REGION);
});
test.afterAll(async () => {
  await seedFleet("--remove", "--prefix", MANY);
  await seedFleet("--remove", "--prefix", FEW);
});

async function totalClusters(page: Page): Promise<number> {
  const res = await page.request.get("/api/v1/fleet/summary");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { clusters: { total: number } }).clusters.total;
}

async function openWall(page: Page, query = ""): Promise<void> {
  await page.goto(`/fleet?kiosk=1${query}`);
  await expect(page).toHaveURL(/\/fleet\/kiosk/);
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-status", "live");
}

/** Text that is cut with "…" by CSS must say what it hides (title) — checked for every truncating element. */
async function expectNoSilentTruncation(page: Page): Promise<void> {
  const silent = await page.locator("[data-testid=kiosk] .truncate").evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth && !el.closest("[title]")).map((el) => el.textContent),
  );
  expect(silent).toEqual([]);
}

/** Grid and site map, at 1920×1080 and 1440×900, in one page (resizing re-lays the wall out; no reload of 10,000 rows). */
async function screenshotViews(page: Page, locale: string): Promise<void> {
  for (const [width, height] of [
    [1920, 1080],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Painted at the new size (the canvas records the width it was last painted at).
    await expect.poll(() => page.getByTestId("wall-grid").evaluate((el) => Number(el.querySelector("canvas")!.dataset.paintedWidth) === Math.floor(el.clientWidth))).toBe(true);
    await expect(page.getByTestId("wall-canvas")).toHaveAttribute("data-overflow", "false");
    await expectNoSilentTruncation(page);
    await page.screenshot({ path: path.join(ARTIFACTS, `fleet-wall-${width}x${height}-${locale}.png`) });
  }
  await page.getByTestId("wall-view-map").click();
  const map = page.getByTestId("site-map");
  await expect(map).toHaveAttribute("data-map-ready", "true");
  for (const [width, height] of [
    [1440, 900],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoSilentTruncation(page);
    await page.screenshot({ path: path.join(ARTIFACTS, `fleet-wall-map-${width}x${height}-${locale}.png`) });
  }
}

// Acceptance (issue 19): at 1920×1080 the wall shows every one of 10,000+ clusters on one
// screen, grouped by region and site, the trouble list worst first, names on hover and
// keyboard; the site map places the sites by their coordinate labels.
test("the NOC wall shows every cluster of a 10,000-cluster fleet on one 1920×1080 screen; the site map places the sites", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page);
  const total = await totalClusters(page);
  expect(total).toBeGreaterThanOrEqual(10_006);
  const canvas = page.getByTestId("wall-canvas");
  await expect(canvas).toHaveAttribute("data-cells", String(total));
  await expect(canvas).toHaveAttribute("data-overflow", "false");
  await expect(page.getByTestId("wall-total")).toContainText(total.toLocaleString("en"));
  const box = (await canvas.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1920);
  expect(box.y + box.height).toBeLessThanOrEqual(1080);
  expect(Number(await canvas.getAttribute("data-cell-width"))).toBeGreaterThanOrEqual(6);
  await expect(page.getByTestId("wall-group").filter({ hasText: "region-3" })).toHaveAttribute("data-total", "1250");
  await expect(page.locator("[data-testid=wall-site][data-site=site-0]").first()).toBeVisible();
  const groupFont = await page.getByTestId("wall-group").first().locator("span").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(groupFont).toBeGreaterThanOrEqual(20);

  // Trouble list: worst first (Unavailable before degraded before warning …), each named.
  const items = page.getByTestId("wall-trouble-item").filter({ visible: true });
  await expect(items.first()).toHaveAttribute("data-level", "down");
  const levels = (await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-level")))) as THealthLevel[];
  expect(levels.length).toBeGreaterThan(5);
  expect(levels.map((l) => HEALTH_RANK[l])).toEqual([...levels.map((l) => HEALTH_RANK[l])].sort((a, b) => a - b));
  const ok = await page.getByTestId("wall-legend-ok").getAttribute("data-count");
  await expect(page.getByTestId("wall-trouble-count")).toHaveText((total - Number(ok)).toLocaleString("en"));
  await expect(page.getByTestId("wall-trouble-more")).toBeVisible();

  // Hover the first cell of the first site: its name shows.
  const label = (await page.getByTestId("wall-site").first().boundingBox())!;
  await page.mouse.move(label.x + 3, label.y + label.height + 4);
  const tooltip = page.getByTestId("wall-tooltip");
  await expect(tooltip).toBeVisible();
  const hovered = await tooltip.getAttribute("data-cluster");
  expect(hovered).toBeTruthy();
  await page.screenshot({ path: path.join(ARTIFACTS, "fleet-wall-10k-hover-1920x1080-en.png") });
  // The keyboard reaches the same cluster: Home is the first cell; arrows move on.
  await canvas.focus();
  await page.keyboard.press("Home");
  await expect(tooltip).toHaveAttribute("data-cluster", hovered!);
  await page.keyboard.press("ArrowRight");
  await expect(tooltip).not.toHaveAttribute("data-cluster", hovered!);
  await page.mouse.move(0, 0);
  await canvas.blur();

  await screenshotViews(page, "en");
  const map = page.getByTestId("site-map");
  expect(Number(await map.getAttribute("data-sites"))).toBeGreaterThanOrEqual(40);
  await expect(page.locator("[data-testid=map-site][data-site=site-0]")).toHaveCount(1);
  await expect(page.getByTestId("map-site-item").first()).toBeVisible();
});

test("the same wall in zh-Hans: every string translated, nothing cut silently", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await context.addCookies([{ name: "outpost-locale", value: "zh-Hans", url: baseURL! }]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("集群监控墙");
  await expect(page.getByTestId("wall-canvas")).toHaveAttribute("data-cells", String(await totalClusters(page)));
  await screenshotViews(page, "zh-Hans");
});

// Fewer clusters → bigger cells with names and numbers: zoom into a region of six.
test("zooming into a small region shows tiles with names and numbers; Escape zooms out", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, `&focus=${FEW_REGION}`);
  const canvas = page.getByTestId("wall-canvas");
  await expect(canvas).toHaveAttribute("data-cells", "6");
  await expect(canvas).toHaveAttribute("data-cell-mode", "tile");
  await expect(page.getByTestId("wall-focus")).toContainText(FEW_REGION);
  await page.screenshot({ path: path.join(ARTIFACTS, "fleet-wall-zoomed-1920x1080-en.png") });
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/focus=/);
  await expect(canvas).not.toHaveAttribute("data-cells", "6");
});
