import "server-only";
import type { Principal } from "../auth/principal";
import { forbidden, notFound } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { getKubeObject } from "../k8s/get-kube-object";
import { identityOf } from "../k8s/kube-identity";
import { runAuditedKubeAction } from "./run-audited-kube-action";

/**
 * One value of a Secret, for an admin: read as the admin (impersonated), decoded from
 * base64 — as text when it is valid UTF-8, else left base64. Audited as
 * `k8s.secret.reveal` with the key name, never the value.
 */
export async function revealSecretValue(
  principal: Principal,
  meta: RequestMeta,
  clusterId: string,
  namespace: string,
  name: string,
  key: string,
): Promise<{ key: string; value: string; encoding: "utf8" | "base64" }> {
  if (principal.role !== "admin") throw forbidden("Only an admin may reveal Secret values");
  return runAuditedKubeAction(principal, meta, clusterId, "k8s.secret.reveal", { namespace, name, key }, async () => {
    const secret = (await getKubeObject(clusterId, identityOf(principal), "secrets", namespace, name)) as { data?: Record<string, string> };
    const encoded = secret.data?.[key];
    if (encoded === undefined) throw notFound(`Key "${key}" of Secret ${namespace}/${name}`);
    const bytes = Buffer.from(encoded, "base64");
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    const isText = Buffer.from(text, "utf8").equals(bytes);
    return { key, value: isText ? text : encoded, encoding: isText ? "utf8" : "base64" };
  });
}
