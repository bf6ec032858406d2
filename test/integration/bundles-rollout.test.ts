// Bundles end to end (issue 15): five simulated clusters labelled env=prod behind real
// tunnels and the agent's real authenticating proxy with exactly the import's RBAC; the
// rollout driver applies as the console's fleet identity. Checked on each cluster with
// real kubectl and the simulator's own admin kubeconfig.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/sim";
import { kubectl } from "@/sim/test/run-kubectl";
import { prisma } from "@/lib/server/db/prisma";
import { startBundleDriver } from "@/lib/server/bundles/bundle-driver";
import { createBundle } from "@/lib/server/bundles/create-bundle";
import { createBundleRevision } from "@/lib/server/bundles/create-bundle-revision";
import { changeBundleRollout } from "@/lib/server/bundles/change-bundle-rollout";
import { getBundle } from "@/lib/server/bundles/get-bundle";
import { reconcileBundle } from "@/lib/server/bundles/reconcile-bundle";
import type { TBundleDetail } from "@/lib/shared/bundles/bundles.schema";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { until } from "./fleet-helpers";

const actor = { id: null, name: "olga" };

function bundleYaml(opts: { image: string; greeting: string }): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: edge-app
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: edge-app
data:
  cluster: "\${cluster.name}"
  site: "\${cluster.labels.site}"
  greeting: "${opts.greeting}"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: edge-app
spec:
  replicas: 1
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: ${opts.image}
`;
}

describe("bundles: health-gated waves, crash-loop pause, rollback, offline catch-up", () => {
  let sim: Simulator;
  let dir: string;
  let stopDriver: () => Promise<void>;
  const attached = new Map<string, AttachedCluster>();
  const kubeconfigs = new Map<string, string>();
  let bundleId = "";

  beforeAll(async () => {
    sim = await startSimulator({ clusters: 6, scenarios: ["k3s"], port: 0, podStartMs: 50, crashLoopBaseMs: 5_000 });
    dir = await mkdtemp(path.join(os.tmpdir(), "outpost-bundles-"));
    for (const [i, c] of sim.clusters.entries()) {
      const id = `b-${i}`;
      // Five production sites and one staging cluster the selector must leave alone.
      const labels = i < 5 ? { env: "prod", site: `site-${i}` } : { env: "staging", site: "lab" };
      await prisma.cluster.create({ data: { id, name: c.name, displayName: c.name, region: i % 2 ? "eu-west" : "us-east", labels, state: "active", lastSeenAt: new Date() } });
      attached.set(id, await attachSimCluster(id, { server: c.server, caPem: c.caPem, token: c.token }));
      const file = path.join(dir, `${id}.yaml`);
      await writeFile(file, c.kubeconfig());
      kubeconfigs.set(id, file);
    }
    stopDriver = startBundleDriver({ intervalMs: 250, driftCheckMs: 500 });
  });

  afterAll(async () => {
    await stopDriver?.();
    for (const a of attached.values()) await a.detach();
    await sim?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const bundle = () => getBundle(bundleId);
  const row = (b: TBundleDetail, id: string) => b.clusters.find((c) => c.clusterId === id)!;
  const deploymentOn = async (id: string) => {
    const res = await kubectl(kubeconfigs.get(id)!, ["get", "deploy", "web", "-n", "edge-app", "-o", "json", "--show-managed-fields"]);
    expect(res.code, res.stderr).toBe(0);
    return JSON.parse(res.stdout) as { metadata: { labels: Record<string, string>; managedFields: Array<{ manager: string; operation: string }> }; spec: { template: { spec: { containers: Array<{ image: string }> } } } };
  };

  it("rolls out to env=prod in a first wave of one, then the other four; objects carry field manager outpost-fleet", async () => {
    const created = await createBundle(
      { name: "edge-web", source: { yaml: bundleYaml({ image: "nginx:1.27", greeting: "hello" }) }, targets: { clusterSelector: "env=prod" }, rollout: { firstWave: { count: 1 }, batchPercent: 100, soakSeconds: 4, maxFailed: 1 }, prune: true, selfHeal: false },
      actor,
    );
    bundleId = created.id;
    expect(created.clusters.map((c) => c.clusterId).sort()).toEqual(["b-0", "b-1", "b-2", "b-3", "b-4"]);
    expect(created.waves).toBe(2);
    const done = await until(async () => {
      const b = await bundle();
      return b.status === "completed" && b.counts.Ready === 5 ? b : null;
    }, 60_000, "all five clusters Ready");
    const canary = done.clusters.find((c) => c.wave === 0)!;
    expect(canary.clusterId).toBe("b-0"); // first by name
    const rows = await prisma.bundleDeployment.findMany({ where: { bundleId } });
    const canaryRow = rows.find((r) => r.clusterId === canary.clusterId)!;
    // The first wave was Ready (and soaked) before anything was applied to the second.
    for (const r of rows.filter((r) => r.clusterId !== canary.clusterId)) {
      expect(r.wave).toBe(1);
      expect(r.appliedAt!.getTime()).toBeGreaterThanOrEqual(canaryRow.stateSince.getTime());
    }
    for (const id of ["b-0", "b-1", "b-2", "b-3", "b-4"]) {
      const deploy = await deploymentOn(id);
      expect(deploy.metadata.managedFields.map((f) => `${f.manager}/${f.operation}`)).toContain("outpost-fleet/Apply");
      expect(deploy.metadata.labels["fleet.outpost.io/bundle-id"]).toBe(bundleId);
      const cm = await kubectl(kubeconfigs.get(id)!, ["get", "configmap", "settings", "-n", "edge-app", "-o", "jsonpath={.data.site}"]);
      expect(cm.stdout).toBe(`site-${id.slice(2)}`);
    }
    // The staging cluster got nothing.
    const staging = await kubectl(kubeconfigs.get("b-5")!, ["get", "namespace", "edge-app"]);
    expect(staging.code).not.toBe(0);
    expect(staging.stderr).toMatch(/NotFound/);
  }, 120_000);

  it("a crash-looping revision fails the first wave and pauses; rollback restores the previous revision", async () => {
    await createBundleRevision(bundleId, { source: { yaml: bundleYaml({ image: "example/crash-on-start:2", greeting: "hello" }) } }, actor);
    const paused = await until(async () => {
      const b = await bundle();
      return b.status === "paused" ? b : null;
    }, 60_000, "the rollout to pause");
    expect(paused.revision).toBe(2);
    expect(row(paused, "b-0")).toMatchObject({ state: "Failed", appliedRevision: 2 });
    expect(row(paused, "b-0").message).toMatch(/CrashLoopBackOff|Error/);
    for (const id of ["b-1", "b-2", "b-3", "b-4"]) expect(row(paused, id)).toMatchObject({ state: "Waiting", appliedRevision: 1 });
    expect(paused.statusReason).toMatch(/failed/);
    expect((await deploymentOn("b-1")).spec.template.spec.containers[0]!.image).toBe("nginx:1.27");

    await changeBundleRollout(bundleId, "rollback", {}, actor);
    const restored = await until(async () => {
      const b = await bundle();
      return b.status === "completed" && b.counts.Ready === 5 ? b : null;
    }, 60_000, "the rollback to complete");
    expect(restored.revision).toBe(1);
    for (const c of restored.clusters) expect(c.appliedRevision).toBe(1);
    expect((await deploymentOn("b-0")).spec.template.spec.containers[0]!.image).toBe("nginx:1.27");
    const audit = await prisma.auditEvent.findMany({ where: { targetId: bundleId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["bundle.create", "bundle.revision", "bundle.rollback"]);
  }, 120_000);

  it("a partitioned cluster shows Offline, then applies only the latest revision when it returns", async () => {
    const away = "b-3";
    sim.clusters[3]!.setFaults({ partition: true });
    attached.get(away)!.cut();
    await createBundleRevision(bundleId, { source: { yaml: bundleYaml({ image: "nginx:1.27", greeting: "revision 3" }) } }, actor);
    const offline = await until(async () => {
      const b = await bundle();
      return b.status === "completed" && row(b, away).state === "Offline" ? b : null;
    }, 60_000, "rev 3 everywhere but the partitioned cluster");
    expect(offline.counts).toMatchObject({ Ready: 4, Offline: 1 });
    await createBundleRevision(bundleId, { source: { yaml: bundleYaml({ image: "nginx:1.27", greeting: "revision 4" }) } }, actor);
    await until(async () => {
      const b = await bundle();
      return b.status === "completed" && b.revision === 4 && b.counts.Ready === 4 ? b : null;
    }, 60_000, "rev 4 everywhere but the partitioned cluster");
    expect(row(await bundle(), away)).toMatchObject({ state: "Offline", appliedRevision: 1 });

    sim.clusters[3]!.setFaults({});
    attached.set(away, await attachSimCluster(away, { server: sim.clusters[3]!.server, caPem: sim.clusters[3]!.caPem, token: sim.clusters[3]!.token }));
    const back = await until(async () => {
      const b = await bundle();
      return row(b, away).state === "Ready" ? b : null;
    }, 60_000, "the returned cluster to become Ready");
    expect(row(back, away).appliedRevision).toBe(4);
    const greeting = await kubectl(kubeconfigs.get(away)!, ["get", "configmap", "settings", "-n", "edge-app", "-o", "jsonpath={.data.greeting}"]);
    expect(greeting.stdout).toBe("revision 4");
    // Revision 3 never reached it: no ReplicaSet was ever made from revision 3's template.
    const rs3 = await kubectl(kubeconfigs.get(away)!, ["get", "rs", "-n", "edge-app", "-l", "fleet.outpost.io/revision=3", "-o", "name"]);
    expect(rs3.code).toBe(0);
    expect(rs3.stdout.trim()).toBe("");
    const rs4 = await kubectl(kubeconfigs.get(away)!, ["get", "rs", "-n", "edge-app", "-l", "fleet.outpost.io/revision=4", "-o", "name"]);
    expect(rs4.stdout.trim()).not.toBe("");
  }, 120_000);

  it("a first wave whose only cluster is Offline holds the rollout (no evidence), which goes on when it returns", async () => {
    // As after a console restart: the canary's agent has not dialled back yet.
    const canary = "b-0";
    sim.clusters[0]!.setFaults({ partition: true });
    attached.get(canary)!.cut();
    const held = await createBundle(
      { name: "edge-held", source: { yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  namespace: default\ndata:\n  k: v\n" }, targets: { clusterIds: [canary, "b-1"] }, rollout: { firstWave: { count: 1 }, batchPercent: 100, soakSeconds: 0, maxFailed: 1 }, prune: true, selfHeal: false },
      actor,
    );
    // Two whole passes of our own (the driver's run beside them): with soak 0 the old gate
    // released wave 1 and completed within them.
    await reconcileBundle(held.id);
    await reconcileBundle(held.id);
    const during = await getBundle(held.id);
    expect(during.status).toBe("progressing");
    expect(during.clusters.map((c) => [c.clusterId, c.state])).toEqual([[canary, "Offline"], ["b-1", "Waiting"]]);

    sim.clusters[0]!.setFaults({});
    attached.set(canary, await attachSimCluster(canary, { server: sim.clusters[0]!.server, caPem: sim.clusters[0]!.caPem, token: sim.clusters[0]!.token }));
    await until(async () => {
      const b = await getBundle(held.id);
      return b.status === "completed" && b.counts.Ready === 2 ? b : null;
    }, 60_000, "the held rollout to complete once the canary is back");
  }, 90_000);

  it("prunes objects a new revision drops, and clusters that stop matching", async () => {
    const onlyConfig = bundleYaml({ image: "nginx:1.27", greeting: "x" }).split("---\n").slice(0, 2).join("---\n");
    await createBundleRevision(bundleId, { source: { yaml: onlyConfig } }, actor);
    await until(async () => {
      const b = await bundle();
      return b.status === "completed" && b.revision === 5 && b.counts.Ready === 5 ? b : null;
    }, 60_000, "revision 5 everywhere");
    const gone = await kubectl(kubeconfigs.get("b-1")!, ["get", "deploy", "web", "-n", "edge-app"]);
    expect(gone.stderr).toMatch(/NotFound/);

    await prisma.cluster.update({ where: { id: "b-4" }, data: { labels: { env: "retired", site: "site-4" } } });
    await until(async () => ((await bundle()).clusters.some((c) => c.clusterId === "b-4") ? null : true), 30_000, "b-4 to leave the bundle");
    const ns = await kubectl(kubeconfigs.get("b-4")!, ["get", "configmap", "settings", "-n", "edge-app"]);
    expect(ns.stderr).toMatch(/NotFound/);
    // A cluster that starts matching gets the bundle without anyone acting.
    await prisma.cluster.update({ where: { id: "b-5" }, data: { labels: { env: "prod", site: "lab" } } });
    const joined = await until(async () => {
      const b = await bundle();
      return b.clusters.find((c) => c.clusterId === "b-5" && c.state === "Ready") ? b : null;
    }, 30_000, "b-5 to receive the bundle");
    expect(row(joined, "b-5").appliedRevision).toBe(5);
  }, 120_000);

  it("an object edited by hand shows Drifted; with self-heal on it is reverted", async () => {
    const edit = (id: string, ns: string, name: string, value: string) => kubectl(kubeconfigs.get(id)!, ["patch", "configmap", name, "-n", ns, "--type", "merge", "-p", JSON.stringify({ data: { greeting: value } })]);
    expect((await edit("b-1", "edge-app", "settings", "edited by hand")).code).toBe(0);
    const drifted = await until(async () => {
      const b = await bundle();
      return row(b, "b-1").state === "Drifted" ? b : null;
    }, 30_000, "b-1 to show Drifted");
    expect(row(drifted, "b-1").message).toMatch(/ConfigMap edge-app\/settings: data\.greeting/);
    expect(row(drifted, "b-0").state).toBe("Ready");
    // Not repaired without self-heal.
    const still = await kubectl(kubeconfigs.get("b-1")!, ["get", "configmap", "settings", "-n", "edge-app", "-o", "jsonpath={.data.greeting}"]);
    expect(still.stdout).toBe("edited by hand");

    const healing = await createBundle(
      { name: "edge-heal", source: { yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: heal-me\n  namespace: default\ndata:\n  greeting: declared\n" }, targets: { clusterIds: ["b-2"] }, prune: true, selfHeal: true },
      actor,
    );
    await until(async () => ((await getBundle(healing.id)).counts.Ready === 1 ? true : null), 30_000, "edge-heal Ready");
    expect((await edit("b-2", "default", "heal-me", "edited by hand")).code).toBe(0);
    await until(async () => {
      const live = await kubectl(kubeconfigs.get("b-2")!, ["get", "configmap", "heal-me", "-n", "default", "-o", "jsonpath={.data.greeting}"]);
      return live.stdout === "declared" ? true : null;
    }, 30_000, "the hand edit to be reverted");
    expect((await getBundle(healing.id)).clusters[0]).toMatchObject({ clusterId: "b-2", appliedRevision: 1 });
  }, 120_000);
});
