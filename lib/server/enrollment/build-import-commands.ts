import "server-only";
import type { TImportCommands } from "@/lib/shared/clusters/clusters.schema";
import { AGENT_BOOTSTRAP_SCRIPT } from "@/lib/shared/agent/agent-bootstrap";
import { getRuntimeContext } from "../runtime/runtime-context";
import { getAgentServerUrl } from "../settings/get-agent-server-url";
import { readAgentBundle } from "./read-agent-bundle";
import { agentLaunch, type AgentLaunch } from "./render-import-manifest";
import { BARE_HOST_PATHS, renderSystemdUnit } from "./render-systemd-unit";

/** `/v3/import/<token>_<clusterId>.yaml` on the console URL agents use; `<fleet token>.yaml` for self-registration. */
function importManifestUrl(server: string, token: string, clusterId: string | null): string {
  return clusterId ? `${server}/v3/import/${token}_${clusterId}.yaml` : `${server}/v3/import/${token}.yaml`;
}

const K3S_KUBECONFIG = "/etc/rancher/k3s/k3s.yaml";

/**
 * The agent in Docker on a k3s server. Host network: k3s.yaml points at 127.0.0.1:6443.
 * Runs as root (uid 0) because k3s.yaml is 0600 root — with every capability dropped,
 * no-new-privileges and a read-only root filesystem, so root here can read its own files
 * and nothing more. The credential lives in the named volume `outpost-agent-state`:
 * re-creating the container never needs the token again.
 */
function dockerCommand(launch: AgentLaunch, server: string, caChecksum: string, token: string): string {
  const base =
    "docker run -d --restart=unless-stopped --name outpost-agent --network host " +
    "--user 0:0 --cap-drop ALL --security-opt no-new-privileges --read-only " +
    `-v ${K3S_KUBECONFIG}:${K3S_KUBECONFIG}:ro -v outpost-agent-state:${BARE_HOST_PATHS.stateDir} `;
  const agentFlags = `--kubeconfig ${K3S_KUBECONFIG} --state-dir ${BARE_HOST_PATHS.stateDir}`;
  if (!("bundleSha256" in launch)) {
    const checksum = caChecksum ? ` --ca-checksum ${caChecksum}` : "";
    return `${base}${launch.image} --server ${server} --token ${token}${checksum} ${agentFlags}`;
  }
  const env = [`OUTPOST_SERVER=${server}`, ...(caChecksum ? [`OUTPOST_CA_CHECKSUM=${caChecksum}`] : []), `OUTPOST_AGENT_SHA256=${launch.bundleSha256}`, `OUTPOST_TOKEN=${token}`];
  return `${base}${env.map((e) => `-e ${e} `).join("")}${launch.image} node -e '${AGENT_BOOTSTRAP_SCRIPT}' -- ${agentFlags}`;
}

/**
 * The bare-host install: fetch the CA (checked against its checksum), then the bundle and
 * the unit over TLS pinned to it, check the bundle's SHA-256, install both, create the
 * system user, put the token in a root-only EnvironmentFile, start the service.
 */
function systemdInstall(bundleSha256: string, server: string, caChecksum: string, token: string): string {
  const p = BARE_HOST_PATHS;
  const curl = caChecksum ? "curl --cacert outpost-ca.pem -sfLo" : "curl -sfLo";
  return [
    ...(caChecksum ? [`curl --insecure -sfLo outpost-ca.pem ${server}/cacerts`, `echo "${caChecksum}  outpost-ca.pem" | sha256sum -c -`] : []),
    `${curl} outpost-agent.js ${server}/v3/agent.js`,
    `echo "${bundleSha256}  outpost-agent.js" | sha256sum -c -`,
    `${curl} outpost-agent.service ${server}/v3/outpost-agent.service`,
    `sudo install -D -m 0644 outpost-agent.js ${p.bundle}`,
    `sudo install -m 0644 outpost-agent.service ${p.unit}`,
    `{ id -u ${p.user} >/dev/null 2>&1 || sudo useradd --system --user-group --home-dir ${p.stateDir} --no-create-home --shell /usr/sbin/nologin ${p.user}; }`,
    `sudo sh -c 'umask 077 && mkdir -p ${p.env.replace(/\/[^/]+$/, "")} && echo OUTPOST_TOKEN=${token} > ${p.env}'`,
    "sudo systemctl daemon-reload",
    "sudo systemctl enable --now outpost-agent",
  ].join(" && \\\n  ");
}

/**
 * The ways to install the agent, each carrying the registration token: kubectl apply of
 * the manifest URL; the same through `curl --insecure` when the console's CA is private
 * (kubectl would refuse it; the agent still pins the CA by checksum); the agent in Docker on
 * a k3s server; the agent as a systemd service on a bare k3s host. The docker and systemd
 * forms need the agent bundle's hash: null when the bundle is not built on this console.
 * `clusterId` null: the token is a fleet token and every form registers a new cluster.
 */
export async function buildImportCommands(token: string, clusterId: string | null, expiresAt: Date): Promise<TImportCommands> {
  const { config, caChecksum } = getRuntimeContext();
  const server = await getAgentServerUrl();
  const url = importManifestUrl(server, token, clusterId);
  const bundleSha256 = (await readAgentBundle().catch(() => null))?.sha256;
  const launch = agentLaunch(config.agentImage, bundleSha256);
  return {
    manifestUrl: url,
    kubectl: `kubectl apply -f ${url}`,
    curlInsecure: caChecksum ? `curl --insecure -sfL ${url} | kubectl apply -f -` : null,
    docker: launch ? dockerCommand(launch, server, caChecksum, token) : null,
    systemd: bundleSha256 ? systemdInstall(bundleSha256, server, caChecksum, token) : null,
    systemdUnit: renderSystemdUnit(server, caChecksum),
    systemdUnitUrl: `${server}/v3/outpost-agent.service`,
    expiresAt: expiresAt.toISOString(),
  };
}
