import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { ClusterState } from "./cluster-state";

/**
 * Issues a JWT-shaped service-account token (claims like the apiserver's, HMAC-signed with
 * a per-cluster key) and registers it with the cluster's authenticator. The token is
 * accepted until the simulator stops; expiry is advertised, not enforced.
 */
export function issueServiceAccountToken(cluster: ClusterState, namespace: string, name: string, expirationSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const sa = cluster.store.get("/serviceaccounts", namespace, name);
  const header = Buffer.from(JSON.stringify({ alg: "HS256", kid: cluster.name })).toString("base64url");
  const claims = {
    aud: ["https://kubernetes.default.svc.cluster.local", "k3s"],
    exp: now + expirationSeconds,
    iat: now,
    iss: "https://kubernetes.default.svc.cluster.local",
    jti: randomUUID(),
    "kubernetes.io": { namespace, serviceaccount: { name, uid: sa?.metadata.uid ?? "" } },
    nbf: now,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const sig = createHmac("sha256", tokenKey(cluster)).update(`${header}.${payload}`).digest("base64url");
  const token = `${header}.${payload}.${sig}`;
  cluster.tokens.set(token, {
    username: `system:serviceaccount:${namespace}:${name}`,
    uid: sa?.metadata.uid,
    groups: ["system:serviceaccounts", `system:serviceaccounts:${namespace}`, "system:authenticated"],
  });
  return token;
}

const keys = new WeakMap<ClusterState, Buffer>();
function tokenKey(cluster: ClusterState): Buffer {
  let k = keys.get(cluster);
  if (!k) {
    k = randomBytes(32);
    keys.set(cluster, k);
  }
  return k;
}
