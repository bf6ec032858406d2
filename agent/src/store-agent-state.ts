import fs from "node:fs/promises";
import path from "node:path";
import type { KubeTarget } from "./load-kube-target";
import type { AgentState } from "./register-agent";
import { requestKube } from "./request-kube";

/** Where the agent keeps its credential between restarts. */
export interface StateStore {
  /** Human description for logs ("secret outpost-system/outpost-agent-state"). */
  readonly where: string;
  load(): Promise<AgentState | undefined>;
  save(state: AgentState): Promise<void>;
}

export const STATE_SECRET_NAME = "outpost-agent-state";
const STATE_FILE_NAME = "agent-state.json";

function parseState(value: unknown): AgentState | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { clusterId, credential, server } = value as Record<string, unknown>;
  if (typeof clusterId !== "string" || typeof credential !== "string" || typeof server !== "string") return undefined;
  if (!clusterId || !credential || !server) return undefined;
  return { clusterId, credential, server };
}

/**
 * In-cluster store: Secret `outpost-agent-state` in the agent's namespace, read and written
 * with the agent's service-account token (the import manifest's RBAC allows exactly that).
 */
export function createSecretStore(target: KubeTarget, namespace: string): StateStore {
  const collection = `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`;
  const item = `${collection}/${STATE_SECRET_NAME}`;
  const fail = (action: string, status: number, body: Record<string, unknown> | null): Error =>
    new Error(`cannot ${action} secret ${namespace}/${STATE_SECRET_NAME}: ${status} ${typeof body?.message === "string" ? body.message : ""}`.trim());
  return {
    where: `secret ${namespace}/${STATE_SECRET_NAME}`,
    async load() {
      const { status, body } = await requestKube(target, "GET", item);
      if (status === 404) return undefined;
      if (status !== 200) throw fail("read", status, body);
      const data = (body?.data ?? {}) as Record<string, string>;
      const decode = (key: string) => (data[key] ? Buffer.from(data[key], "base64").toString("utf8") : undefined);
      return parseState({ clusterId: decode("clusterId"), credential: decode("credential"), server: decode("server") });
    },
    async save(state) {
      const data = {
        clusterId: Buffer.from(state.clusterId).toString("base64"),
        credential: Buffer.from(state.credential).toString("base64"),
        server: Buffer.from(state.server).toString("base64"),
      };
      const metadata = { name: STATE_SECRET_NAME, namespace, labels: { "app.kubernetes.io/managed-by": "outpost-agent" } };
      const existing = await requestKube(target, "GET", item);
      if (existing.status === 404) {
        const created = await requestKube(target, "POST", collection, { apiVersion: "v1", kind: "Secret", type: "Opaque", metadata, data });
        if (created.status !== 201 && created.status !== 200) throw fail("create", created.status, created.body);
        return;
      }
      if (existing.status !== 200) throw fail("read", existing.status, existing.body);
      const resourceVersion = (existing.body?.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
      const updated = await requestKube(target, "PUT", item, {
        apiVersion: "v1",
        kind: "Secret",
        type: "Opaque",
        metadata: { ...metadata, ...(resourceVersion ? { resourceVersion } : {}) },
        data,
      });
      if (updated.status !== 200) throw fail("update", updated.status, updated.body);
    },
  };
}

/** Bare-host / docker store: a 0600 JSON file in a 0700 directory, replaced atomically. */
export function createFileStore(stateDir: string): StateStore {
  const file = path.join(stateDir, STATE_FILE_NAME);
  return {
    where: `file ${file}`,
    async load() {
      let text: string;
      try {
        text = await fs.readFile(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      try {
        return parseState(JSON.parse(text));
      } catch {
        return undefined;
      }
    },
    async save(state) {
      await fs.mkdir(stateDir, { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(state), { mode: 0o600 });
      // writeFile applies mode only when it creates the file; a leftover temporary keeps its own.
      await fs.chmod(temporary, 0o600);
      await fs.rename(temporary, file);
    },
  };
}
