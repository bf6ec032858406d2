import "server-only";
import { Document } from "yaml";
import { getRuntimeContext } from "../runtime/runtime-context";

/** The value put where a token belongs when the download was made with a browser session. */
export const TOKEN_PLACEHOLDER = "REPLACE-WITH-A-PERSONAL-API-TOKEN";

export interface KubeconfigCluster {
  id: string;
  name: string;
}

/** The kubectl server URL of a cluster: the console's passthrough. */
export function passthroughServerUrl(clusterId: string): string {
  return `${getRuntimeContext().config.serverUrl}/k8s/clusters/${encodeURIComponent(clusterId)}`;
}

/**
 * A kubeconfig with one context per cluster (named after the cluster), all pointing at the
 * console's passthrough `/k8s/clusters/<id>` with the console CA embedded (omitted when the
 * console's certificate is publicly trusted). The user entry carries `token` — the caller's
 * own API token when they downloaded with it — or a placeholder explaining how to get one:
 * the console never mints a token as a side effect of a download.
 */
export function buildKubeconfig(clusters: readonly KubeconfigCluster[], token: string | null, username: string): string {
  const caPem = getRuntimeContext().caPem;
  const user = `outpost-${username}`;
  const doc = new Document({
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: { server: passthroughServerUrl(c.id), ...(caPem.trim() ? { "certificate-authority-data": Buffer.from(caPem).toString("base64") } : {}) },
    })),
    users: [{ name: user, user: { token: token ?? TOKEN_PLACEHOLDER } }],
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user } })),
    "current-context": clusters[0]?.name ?? "",
  });
  doc.commentBefore = token
    ? " Outpost kubeconfig: kubectl reaches each cluster through the console as you (personal API token)."
    : ` Outpost kubeconfig. Create a personal API token (Account → API tokens) and replace\n ${TOKEN_PLACEHOLDER} below with it, or download again with: curl -H "Authorization: Bearer <token>" …`;
  return doc.toString({ lineWidth: 0 });
}

/** The bearer token of a request, when it was authenticated by one. */
export function bearerTokenOf(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}
