// A bundle that deploys EdgeX on a simulated k3s + EdgeX cluster behind a real tunnel: its
// per-site value override reaches the cluster, it is Ready only while the EdgeX core
// services answer ping (core-data down → NotReady naming it), and deleting it with prune
// removes its objects from the cluster.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl } from "@/sim/test/run-kubectl";
import { prisma } from "@/lib/server/db/prisma";
import { startBundleDriver } from "@/lib/server/bundles/bundle-driver";
import { createBundle } from "@/lib/server/bundles/create-bundle";
import { createBundleRevision } from "@/lib/server/bundles/create-bundle-revision";
import { deleteBundle } from "@/lib/server/bundles/delete-bundle";
import { getBundle } from "@/lib/server/bundles/get-bundle";
import { startEdgeFixture, type EdgeFixture } from "./edgex-fixture";
import { until } from "./fleet-helpers";

const YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: edgex-device-virtual
  namespace: default
spec:
  replicas: 1
  selector: { matchLabels: { app: device-virtual } }
  template:
    metadata: { labels: { app: device-virtual } }
    spec:
      containers:
        - name: device-virtual
          image: "edgexfoundry/device-virtual:\${values.tag}"
`;

describe("bundles: EdgeX health gate, per-site overrides, delete with prune", () => {
  let fx: EdgeFixture;
  let stopDriver: () => Promise<void>;
  let dir: string;
  let kubeconfig: string;
  beforeAll(async () => {
    fx = await startEdgeFixture("bx", ["k3s", "edgex"]);
    await prisma.cluster.update({ where: { id: "bx" }, data: { labels: { env: "prod", site: "oslo" } } });
    dir = await mkdtemp(path.join(os.tmpdir(), "outpost-bundles-edgex-"));
    kubeconfig = path.join(dir, "bx.yaml");
    await writeFile(kubeconfig, fx.cluster.kubeconfig());
    stopDriver = startBundleDriver({ intervalMs: 250, driftCheckMs: 60_000 });
  });
  afterAll(async () => {
    await stopDriver?.();
    await fx?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("applies the site's override and is Ready only while the EdgeX core services answer ping", async () => {
    const created = await createBundle(
      { name: "edgex-devices", source: { yaml: YAML }, targets: { clusterSelector: "env=prod" }, values: { tag: "3.0.0" }, overrides: [{ clusterSelector: "site=oslo", values: { tag: "3.1.1" } }], prune: true, selfHeal: false },
      { id: null, name: "olga" },
    );
    await until(async () => ((await getBundle(created.id)).counts.Ready === 1 ? true : null), 60_000, "Ready with EdgeX up");
    const image = await kubectl(kubeconfig, ["get", "deploy", "edgex-device-virtual", "-n", "default", "-o", "jsonpath={.spec.template.spec.containers[0].image}"]);
    expect(image.stdout).toBe("edgexfoundry/device-virtual:3.1.1");

    // core-data stops answering: a new revision (values only) must not turn Ready.
    fx.cluster.setFaults({ edgex: { down: ["edgex-core-data"] } });
    await createBundleRevision(created.id, { values: { tag: "3.0.0" }, overrides: [{ clusterSelector: "site=oslo", values: { tag: "3.1.2" } }] }, { id: null, name: "olga" });
    const held = await until(async () => {
      const row = (await getBundle(created.id)).clusters[0];
      return row?.state === "NotReady" && row.appliedRevision === 2 && /EdgeX/.test(row.message ?? "") ? row : null;
    }, 60_000, "NotReady because core-data is down");
    expect(held.message).toMatch(/core-data does not answer ping/);

    fx.cluster.setFaults({ edgex: {} });
    await until(async () => ((await getBundle(created.id)).clusters[0]?.state === "Ready" ? true : null), 60_000, "Ready again once core-data answers");
  });

  it("deleting with prune removes the objects from the cluster, then the bundle", async () => {
    const bundle = await prisma.bundle.findUniqueOrThrow({ where: { name: "edgex-devices" } });
    const result = await deleteBundle(bundle.id, true, { id: null, name: "olga" });
    expect(result).toEqual({ deleted: false, clustersLeft: 1 });
    await until(async () => ((await prisma.bundle.count({ where: { id: bundle.id } })) === 0 ? true : null), 60_000, "bundle gone after pruning");
    const gone = await kubectl(kubeconfig, ["get", "deploy", "edgex-device-virtual", "-n", "default"]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toMatch(/NotFound/);
  });
});
