import "server-only";
import type { TImportCommands } from "@/lib/shared/clusters/clusters.schema";
import { getRuntimeContext } from "../runtime/runtime-context";

/** `/v3/import/<token>_<clusterId>.yaml` on the console URL agents use. */
export function importManifestUrl(token: string, clusterId: string): string {
  return `${getRuntimeContext().config.serverUrl}/v3/import/${token}_${clusterId}.yaml`;
}

/**
 * The four ways to install the agent, each carrying the registration token:
 * kubectl apply of the manifest URL; the same through `curl --insecure` when the console's
 * CA is private (kubectl would refuse it); the agent in Docker on a k3s server, reading
 * k3s's kubeconfig (host network: k3s.yaml points at 127.0.0.1); the agent with Node.js
 * on a bare host (downloaded from the console).
 */
export function buildImportCommands(token: string, clusterId: string, expiresAt: Date): TImportCommands {
  const { config, caChecksum } = getRuntimeContext();
  const url = importManifestUrl(token, clusterId);
  const server = config.serverUrl;
  const checksumFlag = caChecksum ? ` --ca-checksum ${caChecksum}` : "";
  const insecure = caChecksum ? "--insecure " : "";
  return {
    manifestUrl: url,
    kubectl: `kubectl apply -f ${url}`,
    curlInsecure: caChecksum ? `curl --insecure -sfL ${url} | kubectl apply -f -` : null,
    docker:
      `docker run -d --restart=unless-stopped --name outpost-agent --network host ` +
      `-v /etc/rancher/k3s/k3s.yaml:/kubeconfig:ro ${config.agentImage} ` +
      `--server ${server} --token ${token}${checksumFlag} --kubeconfig /kubeconfig`,
    node:
      `curl ${insecure}-sfLo outpost-agent.js ${server}/v3/agent.js && ` +
      `node outpost-agent.js --server ${server} --token ${token}${checksumFlag} ` +
      `--kubeconfig /etc/rancher/k3s/k3s.yaml --state-dir ./outpost-agent-state`,
    expiresAt: expiresAt.toISOString(),
  };
}
