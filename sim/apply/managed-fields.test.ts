import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/kube-types";
import { recordUpdate, serverSideApply, type WriteContext } from "./managed-fields";
import { checkWriteOptions } from "./write-options";

const ctx = (manager: string, now = "2026-01-01T00:00:00Z"): WriteContext => ({ manager, apiVersion: "apps/v1", subresource: "", hasStatus: true, now });
const deploy = (spec: Record<string, unknown>, labels: Record<string, string> = { app: "web" }): KubeObject =>
  ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default", labels }, spec }) as unknown as KubeObject;
const containers = (image: string, extra: Record<string, unknown> = {}) => ({ template: { spec: { containers: [{ name: "web", image, ...extra }] } } });

describe("managedFields", () => {
  it("records an Update's fields in fieldsV1 with keyed list items and `.` members", () => {
    const created = deploy({ replicas: 2, ...containers("nginx:1", { ports: [{ containerPort: 80 }] }) });
    const fields = recordUpdate(undefined, created, ctx("kubectl-create"));
    expect(fields).toEqual([{
      manager: "kubectl-create", operation: "Update", apiVersion: "apps/v1", time: "2026-01-01T00:00:00Z", fieldsType: "FieldsV1",
      fieldsV1: {
        "f:metadata": { "f:labels": { ".": {}, "f:app": {} } },
        "f:spec": { "f:replicas": {}, "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { ".": {}, "f:image": {}, "f:name": {}, "f:ports": { ".": {}, 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {} } } } } } } },
      },
    }]);
  });

  it("refuses an apply that changes others' fields with the apiserver's message, and takes them with force", () => {
    let live = deploy({ replicas: 2, ...containers("nginx:1") });
    live = { ...live, metadata: { ...live.metadata, managedFields: recordUpdate(undefined, live, ctx("kubectl-client-side-apply")) } } as KubeObject;
    const config = deploy({ replicas: 3, ...containers("nginx:2") });
    expect(() => serverSideApply(live, config, ctx("kubectl"), false)).toThrow(
      'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image',
    );
    // Same values co-own without conflict.
    expect(() => serverSideApply(live, deploy({ replicas: 2 }), ctx("other"), false)).not.toThrow();
    const forced = serverSideApply(live, config, ctx("kubectl"), true) as KubeObject & { spec: { replicas: number } };
    expect(forced.spec.replicas).toBe(3);
    const entries = (forced.metadata as unknown as { managedFields: Array<{ manager: string; operation: string; fieldsV1: { "f:spec"?: Record<string, unknown> } }> }).managedFields;
    expect(entries.map((e) => `${e.manager}/${e.operation}`)).toEqual(["kubectl/Apply", "kubectl-client-side-apply/Update"]);
    expect(entries[1]?.fieldsV1["f:spec"]).toEqual({ "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { ".": {}, "f:name": {} } } } } });
  });

  it("prunes what a manager stopped applying unless someone else manages it", () => {
    const first = serverSideApply(undefined, deploy({ replicas: 1, paused: true }, { app: "web", tier: "front" }), ctx("a"), false);
    const second = serverSideApply(first, deploy({ replicas: 1 }, { app: "web" }), ctx("a", "2026-01-01T00:01:00Z"), false) as KubeObject & { spec: Record<string, unknown> };
    expect(second.spec).toEqual({ replicas: 1 });
    expect(second.metadata.labels).toEqual({ app: "web" });
    const shared = serverSideApply(first, deploy({ paused: true }), ctx("b"), false);
    const kept = serverSideApply(shared, deploy({ replicas: 1 }), ctx("a"), false) as KubeObject & { spec: Record<string, unknown> };
    expect(kept.spec).toEqual({ replicas: 1, paused: true });
  });

  it("validates the write options like the apiserver", () => {
    expect(() => checkWriteOptions("Patch", new URLSearchParams(), true)).toThrow('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    expect(() => checkWriteOptions("Patch", new URLSearchParams("force=true"), false)).toThrow("force: Forbidden: may not be specified for non-apply patch");
    expect(() => checkWriteOptions("Create", new URLSearchParams("dryRun=Some"))).toThrow('dryRun: Unsupported value: []string{"Some"}: supported values: "All"');
    expect(checkWriteOptions("Delete", new URLSearchParams("dryRun=All"))).toBe(true);
  });
});
