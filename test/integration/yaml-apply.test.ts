// YAML apply (server-side apply, field manager `outpost`): dry-run diff, apply, conflicts
// with another manager and force, create from a multi-document manifest — through the real
// agent's tunnel to the strict simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { prisma } from "@/lib/server/db/prisma";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import type { TKubeDetail } from "@/lib/shared/explorer/explorer.schema";
import { toApplyConfiguration } from "@/lib/shared/yaml-apply/parse-manifest";
import type { TApplyResult } from "@/lib/shared/yaml-apply/yaml-apply.schema";
import { callRoute } from "../helpers/routes";
import { startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

// Checks and the competing writer act as an impersonated admin (the agent itself may only read).
const ADMIN = { username: "ada", role: "admin" } as const;

describe("YAML apply", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture("yap");
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const apply = async (yaml: string, mode: "dryRun" | "apply", extra: { force?: boolean; namespace?: string } = {}) => {
    const res = await callRoute("POST", "/api/v1/clusters/yap/apply", { token: fx.tokens.operator, body: { yaml, mode, ...extra } });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as TApplyResult;
  };
  const webYaml = async (replicas: number) => {
    const detail = (await (await callRoute("GET", "/api/v1/clusters/yap/deployments/demo/web", { token: fx.tokens.operator })).json()) as TKubeDetail;
    const config = toApplyConfiguration(detail.object as Record<string, unknown>) as { spec: { replicas: number } };
    config.spec.replicas = replicas;
    return stringify(config);
  };
  const liveReplicas = async () => (await kubeJson<{ spec: { replicas: number } }>("yap", ADMIN, { path: "/apis/apps/v1/namespaces/demo/deployments/web" })).spec.replicas;

  it("dry-runs first (nothing changes, the diff shows replicas), then applies as `outpost`, audited", async () => {
    const dry = await apply(await webYaml(5), "dryRun");
    expect(dry.documents).toHaveLength(1);
    const [d] = dry.documents;
    expect(d).toMatchObject({ kind: "Deployment", namespace: "demo", name: "web", outcome: "configured", conflicts: [], error: null });
    expect(d!.live).toContain("replicas: 3");
    expect(d!.result).toContain("replicas: 5");
    expect(d!.diff.added).toBeGreaterThanOrEqual(1);
    expect(await liveReplicas()).toBe(3);
    expect(fx.cluster.audit().filter((a) => a.verb === "patch" && a.name === "web").at(-1)).toMatchObject({ impersonatedUser: "outpost:opal" });

    const real = await apply(await webYaml(5), "apply");
    expect(real.documents[0]).toMatchObject({ outcome: "configured" });
    expect(await liveReplicas()).toBe(5);
    const managers = (await kubeJson<{ metadata: { managedFields: Array<{ manager: string; operation: string }> } }>("yap", ADMIN, { path: "/apis/apps/v1/namespaces/demo/deployments/web" })).metadata.managedFields;
    expect(managers).toEqual(expect.arrayContaining([expect.objectContaining({ manager: "outpost", operation: "Apply" })]));
    const audit = await prisma.auditEvent.findFirst({ where: { action: "k8s.apply", actorName: "opal" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ outcome: "success", targetId: "yap", details: { kind: "Deployment", namespace: "demo", name: "web", outcome: "configured", force: false } });
    expect((audit!.details as { linesAdded: number }).linesAdded).toBeGreaterThanOrEqual(1);
  });

  it("shows a conflict with another manager's field and applies it with force", async () => {
    // Another writer (like `kubectl scale`) takes .spec.replicas.
    await kubeJson("yap", ADMIN, { method: "PATCH", path: "/apis/apps/v1/namespaces/demo/deployments/web", query: { fieldManager: "night-scaler" }, contentType: "application/merge-patch+json", body: { spec: { replicas: 2 } } });
    const dry = await apply(await webYaml(4), "dryRun");
    expect(dry.documents[0]).toMatchObject({ outcome: "conflict", conflicts: [{ field: ".spec.replicas", manager: "night-scaler" }] });
    const refused = await apply(await webYaml(4), "apply");
    expect(refused.documents[0]!.outcome).toBe("conflict");
    expect(await liveReplicas()).toBe(2);
    const forced = await apply(await webYaml(4), "apply", { force: true });
    expect(forced.documents[0]).toMatchObject({ outcome: "configured", conflicts: [] });
    expect(await liveReplicas()).toBe(4);
    const audits = await prisma.auditEvent.findMany({ where: { action: "k8s.apply", actorName: "opal" }, orderBy: { at: "desc" }, take: 2 });
    expect(audits.map((a) => [a.outcome, (a.details as { force: boolean }).force])).toEqual([["success", true], ["failure", false]]);
  });

  it("creates from a multi-document manifest with the namespace default; errors are per document", async () => {
    const manifest = [
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: made-in-console\ndata:\n  a: '1'\n",
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: console-made\n",
      "apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: nope\n",
    ].join("---\n");
    const dry = await apply(manifest, "dryRun", { namespace: "demo" });
    expect(dry.documents.map((d) => [d.kind, d.namespace, d.outcome])).toEqual([["ConfigMap", "demo", "created"], ["Namespace", null, "created"], ["Gizmo", null, "error"]]);
    expect(dry.documents[2]!.error).toMatchObject({ status: 404, message: expect.stringContaining('no matches for kind "Gizmo"') });
    await expect(kubeJson("yap", ADMIN, { path: "/api/v1/namespaces/demo/configmaps/made-in-console" })).rejects.toMatchObject({ kubeStatus: 404 });
    const real = await apply(manifest, "apply", { namespace: "demo" });
    expect(real.documents.map((d) => d.outcome)).toEqual(["created", "created", "error"]);
    expect(await kubeJson<{ data: Record<string, string> }>("yap", ADMIN, { path: "/api/v1/namespaces/demo/configmaps/made-in-console" })).toMatchObject({ data: { a: "1" } });
  });

  it("refuses invalid manifests (422) and viewers (403)", async () => {
    for (const yaml of ["kind: ConfigMap\nmetadata: {name: x}\n", "a: [unclosed\n", "---\n"]) {
      const res = await callRoute("POST", "/api/v1/clusters/yap/apply", { token: fx.tokens.operator, body: { yaml, mode: "dryRun" } });
      expect(res.status, yaml).toBe(422);
    }
    const viewer = await callRoute("POST", "/api/v1/clusters/yap/apply", { token: fx.tokens.viewer, body: { yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", mode: "dryRun" } });
    expect(viewer.status).toBe(403);
  });
});
