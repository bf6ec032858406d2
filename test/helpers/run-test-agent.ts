// The real agent (agent/src/run-agent.ts: enrolment, pinned CA, tunnel, reconnect backoff,
// readiness reports) run in this test process against a simulated cluster, authenticating to
// the simulator as the agent's service account with exactly the import's RBAC. For tests of
// the console's tunnel gateway and state monitor where the agent must behave like the real one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { createLogger, type Logger } from "@/agent/src/logger";
import { DEFAULT_TIMINGS, runAgent, type AgentTimings } from "@/agent/src/run-agent";
import type { TunnelControlMessage, TunnelSession } from "@/lib/tunnel";
import { applyAgentAccess } from "./apply-agent-access";
import type { SimClusterAccess } from "./attach-sim-cluster";

export interface TestAgent {
  /** The agent's current tunnel session (undefined while it is reconnecting). */
  session(): TunnelSession | undefined;
  /** Resolves at the agent's next tunnel up. */
  nextTunnel(): Promise<TunnelSession>;
  logs: string[];
  /** Every CONTROL message the agent received from the console, in order. */
  received: TunnelControlMessage[];
  stop(): Promise<void>;
}

/** `token` may be a fleet token (then `clusterId` is left out and `labels` are reported). */
export async function runTestAgent(opts: { consoleUrl: string; caChecksum: string; token: string; clusterId?: string; labels?: Record<string, string>; sim: SimClusterAccess; timings?: Partial<AgentTimings> }): Promise<TestAgent> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-test-agent-"));
  const saToken = await applyAgentAccess(opts.sim);
  const kubeconfig = path.join(dir, "kubeconfig.yaml");
  fs.writeFileSync(kubeconfig, YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    "current-context": "sim",
    clusters: [{ name: "sim", cluster: { server: opts.sim.server, "certificate-authority-data": Buffer.from(opts.sim.caPem).toString("base64"), "tls-server-name": "localhost" } }],
    users: [{ name: "agent", user: { token: saToken } }],
    contexts: [{ name: "sim", context: { cluster: "sim", user: "agent" } }],
  }), { mode: 0o600 });
  const logs: string[] = [];
  const received: TunnelControlMessage[] = [];
  const log: Logger = createLogger((line) => void logs.push(line));
  const controller = new AbortController();
  let current: TunnelSession | undefined;
  const waiters: ((s: TunnelSession) => void)[] = [];
  const done = runAgent(
    { server: opts.consoleUrl, token: opts.token, currentToken: () => opts.token, caChecksum: opts.caChecksum, clusterId: opts.clusterId, kubeconfig, stateDir: dir, pathPrefix: "", healthPort: 0, labels: opts.labels ?? {} },
    process.env,
    log,
    controller.signal,
    { ...DEFAULT_TIMINGS, ...opts.timings },
    {
      onTunnel: (session) => {
        current = session;
        session?.on("control", (message: TunnelControlMessage) => void received.push(message));
        if (session) for (const w of waiters.splice(0)) w(session);
      },
    },
  ).catch((error: unknown) => void logs.push(`agent failed: ${String(error)}`));
  return {
    session: () => current,
    nextTunnel: () => new Promise((resolve) => waiters.push(resolve)),
    logs,
    received,
    stop: async () => {
      controller.abort();
      await done;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
