import "server-only";
import YAML from "yaml";
import { AGENT_BASE_IMAGE, AGENT_BOOTSTRAP_SCRIPT } from "@/lib/shared/agent/agent-bootstrap";
import { AGENT_LABELS, AGENT_NAMESPACE, agentAccessObjects } from "@/lib/shared/enrollment/agent-rbac";
import { getRuntimeContext } from "../runtime/runtime-context";
import { getAgentServerUrl } from "../settings/get-agent-server-url";
import { readAgentBundle } from "./read-agent-bundle";

const LABELS = AGENT_LABELS;
const HEALTH_PORT = 8091;

/**
 * How the agent container starts: a prebuilt image (OUTPOST_AGENT_IMAGE) runs its own
 * entrypoint; otherwise the public Node.js image runs the bootstrap, which downloads
 * /v3/agent.js and runs it only if its SHA-256 is `bundleSha256`.
 */
export type AgentLaunch = { image: string } | { image: string; command: string[]; bundleSha256: string };

/** The launch for manifests and docker commands: the prebuilt image, else the bootstrap on the public image (null without a built bundle). */
export function agentLaunch(agentImage: string | undefined, bundleSha256: string | undefined): AgentLaunch | null {
  if (agentImage) return { image: agentImage };
  return bundleSha256 ? bootstrapLaunch(bundleSha256) : null;
}

function bootstrapLaunch(bundleSha256: string): AgentLaunch {
  return { image: AGENT_BASE_IMAGE, command: ["node", "-e", AGENT_BOOTSTRAP_SCRIPT], bundleSha256 };
}

function agentDeployment(launch: AgentLaunch, serverUrl: string, caChecksum: string, clusterId: string | null) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "outpost-agent", namespace: AGENT_NAMESPACE, labels: LABELS },
    spec: {
      replicas: 1,
      // One tunnel per cluster: never run old and new agent side by side.
      strategy: { type: "Recreate" },
      selector: { matchLabels: { "app.kubernetes.io/name": "outpost-agent" } },
      template: {
        metadata: { labels: LABELS },
        spec: {
          serviceAccountName: "outpost-agent",
          priorityClassName: "system-cluster-critical",
          tolerations: [
            { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" },
            { key: "node-role.kubernetes.io/master", operator: "Exists", effect: "NoSchedule" },
            { key: "node-role.kubernetes.io/edge", operator: "Exists", effect: "NoSchedule" },
            { key: "CriticalAddonsOnly", operator: "Exists" },
          ],
          // KubeEdge edge nodes may lack a route to the apiserver's service IP: prefer cloud nodes.
          affinity: {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, preference: { matchExpressions: [{ key: "node-role.kubernetes.io/edge", operator: "DoesNotExist" }] } },
              ],
            },
          },
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
          containers: [
            {
              name: "agent",
              image: launch.image,
              ...("command" in launch ? { command: launch.command } : {}),
              imagePullPolicy: "IfNotPresent",
              env: [
                ...("bundleSha256" in launch ? [{ name: "OUTPOST_AGENT_SHA256", value: launch.bundleSha256 }] : []),
                { name: "OUTPOST_SERVER", value: serverUrl },
                { name: "OUTPOST_CA_CHECKSUM", value: caChecksum },
                ...(clusterId ? [{ name: "OUTPOST_CLUSTER_ID", value: clusterId }] : []),
                { name: "OUTPOST_HEALTH_PORT", value: String(HEALTH_PORT) },
              ],
              ports: [{ name: "health", containerPort: HEALTH_PORT }],
              volumeMounts: [{ name: "credentials", mountPath: "/etc/outpost/credentials", readOnly: true }],
              resources: { requests: { cpu: "20m", memory: "48Mi" }, limits: { memory: "192Mi" } },
              // Ready = tunnel up; alive = the process answers (a console outage must not restart it).
              readinessProbe: { httpGet: { path: "/healthz", port: "health" }, periodSeconds: 10 },
              livenessProbe: { tcpSocket: { port: "health" }, periodSeconds: 20, failureThreshold: 3 },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
            },
          ],
          volumes: [{ name: "credentials", secret: { secretName: "outpost-credentials", defaultMode: 0o400 } }],
        },
      },
    },
  };
}

/**
 * The multi-document manifest served at /v3/import/<token>_<id>.yaml: namespace, service
 * account, RBAC (the agent's own, and the groups console users are impersonated into),
 * the credentials Secret with the registration token, and the agent Deployment (on the
 * public Node.js image with the bootstrap and the bundle's hash, unless OUTPOST_AGENT_IMAGE
 * names a prebuilt image). `clusterId` null: a fleet token's manifest, the same for every
 * cluster that registers with it.
 */
export async function renderImportManifest(token: string, clusterId: string | null): Promise<string> {
  const { config, caChecksum } = getRuntimeContext();
  const serverUrl = await getAgentServerUrl();
  // Without a prebuilt image the manifest needs the bundle's hash: 503 until it is built.
  const launch = config.agentImage ? { image: config.agentImage } : bootstrapLaunch((await readAgentBundle()).sha256);
  const docs = [
    ...agentAccessObjects(),
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "outpost-credentials", namespace: AGENT_NAMESPACE, labels: LABELS },
      type: "Opaque",
      stringData: { url: serverUrl, token, ...(clusterId ? { "cluster-id": clusterId } : {}) },
    },
    agentDeployment(launch, serverUrl, caChecksum, clusterId),
  ];
  return docs.map((d) => YAML.stringify(d, { lineWidth: 0 })).join("---\n");
}
