import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { startSimulator } from "../../sim";
import type { TCluster } from "../../lib/shared/clusters/clusters.schema";
import { AGENT_BUNDLE, connectSimCluster, type SimulatedFleet } from "./simulated-clusters";

/**
 * A simulated k3s + demo cluster for the explorer journeys, imported through the real flow
 * (connectSimCluster). The kubelet is slowed to 2.5 s per pod phase so a deleted pod stays
 * Terminating long enough for a person — and the journey — to see it.
 */
export async function startExplorerCluster(request: APIRequestContext, name: string): Promise<{ fleet: SimulatedFleet; cluster: TCluster }> {
  if (!fs.existsSync(AGENT_BUNDLE)) throw new Error(`${AGENT_BUNDLE} is missing: run npm run build:agent`);
  const kubeconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-e2e-explorer-"));
  const sim = await startSimulator({
    clusters: [{ name, scenarios: ["k3s", "demo"] }],
    port: 0,
    kubeconfigDir,
    agentCommand: [process.execPath, AGENT_BUNDLE],
    crashLoopBaseMs: 1_000,
    podStartMs: 2_500,
  });
  const fleet: SimulatedFleet = {
    sim,
    kubeconfigDir,
    stop: async () => {
      await sim.stop();
      fs.rmSync(kubeconfigDir, { recursive: true, force: true });
    },
  };
  try {
    const cluster = await connectSimCluster(request, fleet, name);
    return { fleet, cluster };
  } catch (error) {
    await fleet.stop();
    throw error;
  }
}

/** Creates a user through the API (as the signed-in admin of `request`) and signs them in in a new browser context. */
export async function signInAs(browser: Browser, adminRequest: APIRequestContext, username: string, role: "operator" | "viewer"): Promise<Page> {
  const password = `${username}-e2e-password`;
  const res = await adminRequest.post("/api/v1/users", { data: { username, role, password, mustChangePassword: false } });
  // 409: created by an earlier attempt of the same journey (same password).
  expect([201, 409], await res.text()).toContain(res.status());
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/fleet$/);
  return page;
}
