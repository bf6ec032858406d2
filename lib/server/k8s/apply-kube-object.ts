import "server-only";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { kubeJson } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

/**
 * Server-side apply of one object (`PATCH` with `application/apply-patch+yaml`; JSON is
 * YAML) at its object path, as `fieldManager`. `force` takes over fields another manager
 * owns (the declared state wins, as `kubectl apply --server-side --force-conflicts`);
 * `dryRun` answers what the apply would write without storing it.
 */
export async function applyKubeObject(
  clusterId: string,
  identity: KubeIdentity,
  objectPath: string,
  body: Record<string, unknown>,
  opts: { fieldManager: string; force?: boolean; dryRun?: boolean; timeoutMs?: number },
): Promise<TKubeObject> {
  return kubeJson<TKubeObject>(clusterId, identity, {
    method: "PATCH",
    path: objectPath,
    query: { fieldManager: opts.fieldManager, force: opts.force ? true : undefined, dryRun: opts.dryRun ? "All" : undefined },
    body,
    contentType: "application/apply-patch+yaml",
    timeoutMs: opts.timeoutMs,
  });
}
