// What an import does to a cluster before the agent runs, for tests and benchmarks that
// attach a simulated cluster without the full curl | kubectl apply flow: the import
// manifest's namespace, service account and RBAC objects (the same objects, from
// lib/shared/enrollment/agent-rbac.ts), applied with the cluster admin's token, and a token
// for the agent's service account — so the console meets exactly the permissions it gets
// on a real cluster.
import https from "node:https";
import { AGENT_NAMESPACE, AGENT_SERVICE_ACCOUNT, agentAccessObjects } from "@/lib/shared/enrollment/agent-rbac";

const PLURALS: Record<string, string> = { Namespace: "namespaces", ServiceAccount: "serviceaccounts", ClusterRole: "clusterroles", ClusterRoleBinding: "clusterrolebindings", Role: "roles", RoleBinding: "rolebindings" };

export interface ClusterAdminAccess {
  server: string;
  caPem: string;
  /** A cluster-admin bearer token (the person who runs the import). */
  token: string;
}

function post(access: ClusterAdminAccess, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const url = new URL(path, access.server);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: "POST", ca: access.caPem, servername: url.hostname === "127.0.0.1" ? "localhost" : undefined, headers: { Authorization: `Bearer ${access.token}`, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data) } }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as unknown) : undefined }));
    });
    req.on("error", reject);
    req.end(data);
  });
}

function collectionPath(obj: Record<string, unknown>): string {
  const kind = String(obj.kind);
  const plural = PLURALS[kind];
  if (!plural) throw new Error(`apply-agent-access: no path for ${kind}`);
  const ns = (obj.metadata as { namespace?: string }).namespace;
  const base = String(obj.apiVersion) === "v1" ? "/api/v1" : `/apis/${String(obj.apiVersion)}`;
  return ns ? `${base}/namespaces/${ns}/${plural}` : `${base}/${plural}`;
}

/** Applies the import's RBAC to a cluster (existing objects are kept) and returns a token of the agent's service account. */
export async function applyAgentAccess(access: ClusterAdminAccess): Promise<string> {
  for (const obj of agentAccessObjects()) {
    const res = await post(access, collectionPath(obj), obj);
    if (res.status !== 201 && res.status !== 409) throw new Error(`apply-agent-access: ${String(obj.kind)} answered ${res.status}: ${JSON.stringify(res.json)}`);
  }
  const tr = await post(access, `/api/v1/namespaces/${AGENT_NAMESPACE}/serviceaccounts/${AGENT_SERVICE_ACCOUNT}/token`, { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: { expirationSeconds: 86_400 } });
  const token = (tr.json as { status?: { token?: string } } | undefined)?.status?.token;
  if (tr.status !== 201 || !token) throw new Error(`apply-agent-access: token request answered ${tr.status}`);
  return token;
}
