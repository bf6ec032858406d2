import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ApiError } from "../http/api-error";

export interface AgentBundle {
  body: Buffer;
  /** Lowercase hex SHA-256 of `body`: written into manifests, checked by the bootstrap. */
  sha256: string;
}

const KEY = Symbol.for("outpost.agent-bundle");
type Holder = { [KEY]?: { stamp: string; bundle: AgentBundle } };

/** The bundle file (`npm run build:agent`), relative to the console's working directory. */
export function agentBundlePath(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "agent", "dist", "outpost-agent.js");
}

/**
 * The agent bundle served at /v3/agent.js and its SHA-256, re-read only when the file's
 * size or mtime changes (a rebuild while the console runs is picked up; manifests rendered
 * afterwards carry the new hash).
 * @throws ApiError `unavailable` when the bundle is not built on this console.
 */
export async function readAgentBundle(): Promise<AgentBundle> {
  const file = agentBundlePath();
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) throw new ApiError("unavailable", "The agent bundle is not built on this console (npm run build:agent)");
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  const holder = globalThis as Holder;
  if (holder[KEY]?.stamp === stamp) return holder[KEY].bundle;
  const body = await fs.readFile(file);
  const bundle = { body, sha256: createHash("sha256").update(body).digest("hex") };
  holder[KEY] = { stamp, bundle };
  return bundle;
}
