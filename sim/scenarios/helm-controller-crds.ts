import type { ClusterState } from "../cluster/cluster-state";
import { put } from "./scenario-helpers";

const PRESERVE = { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } };

/**
 * helm.cattle.io/v1 HelmChart and HelmChartConfig as k3s v1.31's helm-controller
 * (v0.16.x) registers them: HelmChart with a status subresource and its printer columns,
 * HelmChartConfig with neither.
 */
export function helmControllerCrds(cluster: ClusterState): void {
  const col = (name: string, path: string): { name: string; type: string; jsonPath: string } => ({ name, type: "string", jsonPath: path });
  put(cluster, "apiextensions.k8s.io/v1", "CustomResourceDefinition", { name: "helmcharts.helm.cattle.io" }, {
    spec: {
      group: "helm.cattle.io",
      names: { kind: "HelmChart", listKind: "HelmChartList", plural: "helmcharts", singular: "helmchart" },
      scope: "Namespaced",
      versions: [{
        name: "v1",
        served: true,
        storage: true,
        schema: PRESERVE,
        subresources: { status: {} },
        additionalPrinterColumns: [col("Job", ".status.jobName"), col("Chart", ".spec.chart"), col("TargetNamespace", ".spec.targetNamespace"), col("Version", ".spec.version"), col("Repo", ".spec.repo"), col("HelmVersion", ".spec.helmVersion"), col("Bootstrap", ".spec.bootstrap")],
      }],
    },
  });
  put(cluster, "apiextensions.k8s.io/v1", "CustomResourceDefinition", { name: "helmchartconfigs.helm.cattle.io" }, {
    spec: {
      group: "helm.cattle.io",
      names: { kind: "HelmChartConfig", listKind: "HelmChartConfigList", plural: "helmchartconfigs", singular: "helmchartconfig" },
      scope: "Namespaced",
      versions: [{ name: "v1", served: true, storage: true, schema: PRESERVE }],
    },
  });
}
