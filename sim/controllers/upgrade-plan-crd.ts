import type { KubeObject } from "../store/kube-types";

/** plans.upgrade.cattle.io as system-upgrade-controller registers it when it starts. */
export function planCrd(): KubeObject {
  const col = (name: string, jsonPath: string, priority?: number): Record<string, unknown> => ({ name, type: "string", jsonPath, ...(priority ? { priority } : {}) });
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "plans.upgrade.cattle.io" } as KubeObject["metadata"],
    spec: {
      group: "upgrade.cattle.io",
      names: { kind: "Plan", listKind: "PlanList", plural: "plans", singular: "plan" },
      scope: "Namespaced",
      versions: [{
        name: "v1",
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
        subresources: { status: {} },
        additionalPrinterColumns: [
          col("Image", ".spec.upgrade.image"),
          col("Channel", ".spec.channel"),
          col("Version", ".spec.version"),
          col("Complete", ".status.conditions[?(@.type=='Complete')].status"),
          col("Message", ".status.conditions[?(@.message!='')].message"),
          col("Applying", ".status.applying", 10),
        ],
      }],
    },
  };
}
