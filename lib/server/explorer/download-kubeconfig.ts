import "server-only";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { clusterIdWhere, clusterScopeOf } from "../access/cluster-scope";
import { prisma } from "../db/prisma";
import { bearerTokenOf, buildKubeconfig } from "./build-kubeconfig";

function yamlResponse(text: string, filename: string): Response {
  return new Response(text, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

/** `GET /api/v1/clusters/{id}/kubeconfig`: one cluster's kubeconfig (see buildKubeconfig). */
export async function downloadClusterKubeconfig(principal: Principal, req: Request, clusterId: string): Promise<Response> {
  const cluster = await getClusterOrThrow(clusterId);
  const token = principal.via === "token" ? bearerTokenOf(req) : null;
  return yamlResponse(buildKubeconfig([cluster], token, principal.username), `${cluster.name}.kubeconfig.yaml`);
}

/** `GET /api/v1/kubeconfig`: one context per cluster of the fleet the principal reaches. */
export async function downloadFleetKubeconfig(principal: Principal, req: Request): Promise<Response> {
  const clusters = await prisma.cluster.findMany({ where: clusterIdWhere(await clusterScopeOf(principal)), select: { id: true, name: true }, orderBy: { name: "asc" } });
  const token = principal.via === "token" ? bearerTokenOf(req) : null;
  return yamlResponse(buildKubeconfig(clusters, token, principal.username), "outpost.kubeconfig.yaml");
}
