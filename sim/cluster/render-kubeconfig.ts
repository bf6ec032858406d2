import YAML from "yaml";

/** A kubeconfig with certificate-authority-data and a bearer token, as k3s writes one. */
export function renderKubeconfig(name: string, server: string, caPem: string, token: string): string {
  return YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server, "certificate-authority-data": Buffer.from(caPem).toString("base64") } }],
    users: [{ name: `${name}-admin`, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: `${name}-admin` } }],
    "current-context": name,
    preferences: {},
  });
}
