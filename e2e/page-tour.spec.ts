import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { connectSimCluster, startSimulatedFleet, type SimulatedFleet } from "./support/simulated-clusters";

// Journey: a newcomer walks every page of the console in English and 简体中文 at
// 1440×900 and 1920×1080. Each page is saved as a screenshot (test-results/page-tour/),
// must log no console error (hydration errors included) and must not be wider than the
// window. One simulated cluster (k3s + broken workloads + EdgeX + KubeEdge), one
// signed-in context per viewport.

const run = promisify(execFile);
const SIM = "tour-plant";
const SHOTS = path.join(__dirname, "..", "test-results", "page-tour");
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const LOCALES = ["en", "zh-Hans"] as const;

let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
let crashPod = "";
let nodeName = "";
test.describe.configure({ mode: "serial" });
test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  fleet = await startSimulatedFleet([{ name: SIM, scenarios: ["k3s", "demo", "edgex", "kubeedge"] }]);
  cluster = await connectSimCluster(request, fleet, SIM, { region: "eu-central", site: "berlin", labels: { env: "prod", tier: "factory" } });
  await expect
    .poll(async () => {
      const res = await request.get(`/api/v1/clusters/${cluster.id}/pods?namespace=demo`);
      const list = (await res.json()) as { items: Array<{ object: { metadata: { name: string } } }> };
      crashPod = list.items.map((i) => i.object.metadata.name).find((n) => n.startsWith("worker-")) ?? "";
      return crashPod;
    })
    .not.toBe("");
  const nodes = (await (await request.get(`/api/v1/clusters/${cluster.id}/nodes`)).json()) as { items: Array<{ object: { metadata: { name: string } } }> };
  nodeName = nodes.items[0]?.object.metadata.name ?? "";
  expect(nodeName).not.toBe("");
});
test.afterAll(async () => {
  await fleet?.stop();
});

function pages(): Array<{ name: string; url: string }> {
  const c = `/clusters/${cluster.id}`;
  const tabs = ["nodes", "pods", "deployments", "replicasets", "daemonsets", "statefulsets", "jobs", "services", "events", "namespaces", "configmaps", "secrets", "kubeedge"];
  return [
    { name: "fleet", url: "/fleet" },
    { name: "fleet-alerts", url: "/fleet/alerts" },
    { name: "fleet-search", url: "/fleet/search?q=web" },
    { name: "clusters", url: "/clusters" },
    { name: "cluster-overview", url: c },
    ...tabs.map((tab) => ({ name: `cluster-${tab}`, url: `${c}/${tab}` })),
    ...["services", "devices", "profiles", "deviceServices", "readings"].map((v) => ({ name: `edgex-${v}`, url: `${c}/edgex?view=${v}` })),
    { name: "pod-crashloop", url: `${c}/pods/demo/${crashPod}` },
    { name: "deployment", url: `${c}/deployments/demo/web` },
    { name: "node", url: `${c}/nodes/${nodeName}` },
    { name: "resources", url: `${c}/resources` },
    { name: "resources-pods", url: `${c}/resources/core/v1/pods` },
    { name: "resources-helmcharts", url: `${c}/resources/helm.cattle.io/v1/helmcharts` },
    { name: "resources-deployment", url: `${c}/resources/apps/v1/deployments/demo/web` },
    { name: "bundles", url: "/bundles" },
    { name: "bundles-new", url: "/bundles/new" },
    { name: "bundles-groups", url: "/bundles/groups" },
    { name: "users", url: "/users" },
    { name: "audit", url: "/audit" },
    { name: "account", url: "/account" },
    { name: "not-found", url: "/no/such/page" },
  ];
}

/** Waits until no loading indicator is left on the page. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await expect(page.locator("main [role=status]").filter({ hasText: /Loading|加载中/ })).toHaveCount(0, { timeout: 30_000 });
}

for (const viewport of VIEWPORTS) {
  test(`every page at ${viewport.width}×${viewport.height}, en and zh-Hans: no console error, nothing wider than the window`, async ({ browser, baseURL }) => {
    test.setTimeout(480_000);
    const context: BrowserContext = await browser.newContext({ storageState: "e2e/.auth/admin.json", viewport, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const problems: string[] = [];
    let current = "";
    page.on("console", (msg) => {
      if (msg.type() === "error" && !/Failed to load resource: the server responded with a status of 404/.test(msg.text())) problems.push(`${current}: console error: ${msg.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`${current}: page error: ${error.message}`));
    for (const locale of LOCALES) {
      await context.addCookies([{ name: "outpost-locale", value: locale, url: baseURL! }]);
      for (const { name, url } of pages()) {
        current = `${locale} ${name}`;
        await page.goto(url);
        await settled(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > viewport.width) problems.push(`${current}: page is ${width} px wide in a ${viewport.width} px window`);
        // A table that scrolls sideways hides columns: long cells must wrap or truncate instead.
        const cut = await page.evaluate(() =>
          // The generic resource grid shows the apiserver's columns for any kind (kubectl's
          // own output is often wider than a window); it scrolls both ways by design.
          [...document.querySelectorAll("main table")].filter((table) => !table.closest("[data-testid=resource-grid]")).flatMap((table) => {
            const box = table.parentElement!;
            return box.scrollWidth > box.clientWidth + 1 ? [`${table.getAttribute("aria-label") ?? "table"} (${box.scrollWidth} px in ${box.clientWidth} px)`] : [];
          }),
        );
        for (const table of cut) problems.push(`${current}: table wider than the page: ${table}`);
        await page.screenshot({ path: path.join(SHOTS, `${viewport.width}x${viewport.height}`, locale, `${name}.png`), fullPage: true });
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });
}

test("/fleet hydrates without errors, load after load", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  for (let i = 0; i < 6; i++) {
    await page.goto("/fleet");
    await expect(page.getByTestId(`fleet-row-${SIM}`)).toBeVisible();
    // Let the client take over (hydration) and the first live message arrive.
    await expect(page.getByTestId("stream-status")).toHaveAttribute("data-status", "live");
  }
  expect(errors).toEqual([]);
});

test("unknown URLs get the console's translated 404 page; /favicon.ico is ours", async ({ page, request, baseURL }) => {
  const res = await page.goto("/clusters/x/no-such-tab/at/all");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the fleet overview" })).toHaveAttribute("href", "/fleet");
  await page.context().addCookies([{ name: "outpost-locale", value: "zh-Hans", url: baseURL! }]);
  await page.goto("/nothing-here");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await page.context().clearCookies({ name: "outpost-locale" });

  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const bytes = await icon.body();
  // An ICO header: reserved 0, type 1 (icon), at least one image.
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
});

test("the kubeconfig dialog creates a named, expiring API token and the file works with kubectl", async ({ page, request }) => {
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("button", { name: "Download kubeconfig" }).click();
  const dialog = page.getByRole("dialog", { name: `kubeconfig for ${SIM}` });
  await expect(dialog.getByLabel("Create a new API token for this file")).toBeChecked();
  await expect(dialog.getByLabel("Token name")).toHaveValue(`kubeconfig ${SIM}`);
  await dialog.getByLabel("Expires after").selectOption("7");
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Create token and download" }).click();
  const file = await (await downloading).path();
  const yaml = fs.readFileSync(file, "utf8");
  expect(yaml).toMatch(/token: opt_\w+/);

  const tokens = ((await (await request.get("/api/v1/tokens")).json()) as { items: Array<{ name: string; expiresAt: string | null }> }).items;
  const created = tokens.find((tk) => tk.name === `kubeconfig ${SIM}`);
  expect(created?.expiresAt).toBeTruthy();
  const days = (Date.parse(created!.expiresAt!) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThan(7.1);

  const { stdout } = await run("kubectl", ["--kubeconfig", file, "get", "nodes", "--no-headers"]);
  expect(stdout.trim().split("\n").length).toBeGreaterThan(0);
});

test("a Deployment's page shows a scale 3 → 5 live (server push, no reload)", async ({ page, request }) => {
  await page.goto(`/clusters/${cluster.id}/deployments/demo/web`);
  const ready = page.locator("dt", { hasText: /^Ready$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(ready).toHaveText("3/3");
  const res = await request.post(`/api/v1/clusters/${cluster.id}/deployments/demo/web/scale`, { data: { replicas: 5 } });
  expect(res.status(), await res.text()).toBe(200);
  // The fallback poll is 60 s: within 15 s only the changes stream can have brought it.
  await expect(ready).toHaveText("5/5", { timeout: 15_000 });
  await request.post(`/api/v1/clusters/${cluster.id}/deployments/demo/web/scale`, { data: { replicas: 3 } });
});
