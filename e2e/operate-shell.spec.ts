import { expect, test, type Page } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { podShellPath } from "../lib/shared/pod-shell/pod-shell.schema";
import { openShell } from "../test/helpers/shell-client";
import { startExplorerCluster } from "./support/explorer-fixture";
import { signInAs } from "./support/sign-in-as";
import type { SimulatedFleet } from "./support/simulated-clusters";

const NAME = `operate-shell-${Date.now().toString(36).slice(-5)}`;
let fleet: SimulatedFleet | undefined;
let cluster: TCluster;
test.beforeAll(async ({ request }) => {
  ({ fleet, cluster } = await startExplorerCluster(request, NAME));
});
test.afterAll(async () => {
  await fleet?.stop();
});

async function firstWebPod(page: Page): Promise<string> {
  const res = await page.request.get(`/api/v1/clusters/${cluster.id}/pods?namespace=demo&labelSelector=app%3Dweb`);
  expect(res.status()).toBe(200);
  const name = ((await res.json()) as { items: Array<{ name: string }> }).items[0]?.name;
  expect(name).toBeTruthy();
  return String(name);
}

// Journey: an operator opens a shell in a pod, runs a command that exits 3 and reads the
// exit message; a second shell in a tab follows the window's size (`stty size`).
test("an operator runs a shell in a pod: output, exit code, resize", async ({ browser, request }) => {
  const operator = await signInAs(browser, request, "shelly", "operator");
  const pod = await firstWebPod(operator);
  await operator.goto(`/clusters/${cluster.id}/pods/demo/${pod}?tab=shell`);
  const status = operator.getByTestId("shell-status").first();
  await expect(status).toHaveText("Connected to web (sh).", { timeout: 60_000 });
  await operator.getByTestId("pod-terminal").first().click();
  await operator.keyboard.type("echo hello; exit 3");
  await operator.keyboard.press("Enter");
  await expect(operator.getByTestId("pod-terminal").first()).toContainText("hello");
  await expect(status).toHaveText("Session ended: exit code 3.");

  await operator.getByRole("button", { name: "Open shell" }).click();
  await expect(operator.getByRole("tab", { name: "2: web (sh)" })).toHaveAttribute("aria-selected", "true");
  const second = operator.getByTestId("pod-terminal").nth(1);
  await expect(operator.getByTestId("shell-status").nth(1)).toHaveText("Connected to web (sh).", { timeout: 60_000 });
  const sizes: string[] = [];
  for (const viewport of [{ width: 1400, height: 900 }, { width: 1000, height: 700 }]) {
    const before = (await second.getAttribute("data-size")) ?? "";
    await operator.setViewportSize(viewport);
    // The terminal re-fits to the window and tells the cluster its new size.
    await expect(second).not.toHaveAttribute("data-size", before);
    const size = (await second.getAttribute("data-size")) ?? "";
    await second.click();
    await operator.keyboard.type("stty size");
    await operator.keyboard.press("Enter");
    // xterm's rows are separate elements: the command and its answer read as "stty size24 142".
    await expect(second).toContainText(`stty size${size}`);
    sizes.push(size);
  }
  expect(sizes[0]).not.toBe(sizes[1]);
  await operator.context().close();
});

// Journey: a viewer has no Shell tab, and the WebSocket itself answers 403.
test("a viewer has no shell and the WebSocket answers 403", async ({ browser, request, baseURL }) => {
  const viewer = await signInAs(browser, request, "vesna", "viewer");
  const pod = await firstWebPod(viewer);
  await viewer.goto(`/clusters/${cluster.id}/pods/demo/${pod}?tab=shell`);
  await expect(viewer.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  await expect(viewer.getByRole("tab", { name: "Shell" })).toHaveCount(0);
  const cookie = (await viewer.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const origin = new URL(baseURL ?? "").origin;
  const url = `${origin.replace(/^https/, "wss")}${podShellPath(cluster.id, "demo", pod)}`;
  const caPem = await (await viewer.request.get("/cacerts")).text();
  await expect(openShell(url, { cookie, origin, caPem })).rejects.toMatchObject({ status: 403 });
  await viewer.context().close();
});
