import "server-only";
import type { TAgentServerUrlSettings } from "@/lib/shared/settings/settings.schema";
import { prisma } from "../db/prisma";
import { getRuntimeContext } from "../runtime/runtime-context";

export const AGENT_SERVER_URL_KEY = "agentServerUrl";

/** The stored setting, or null (then the environment's URL applies). */
async function readRow(): Promise<{ url: string; updatedAt: Date } | null> {
  const row = await prisma.consoleSetting.findUnique({ where: { key: AGENT_SERVER_URL_KEY } });
  const url = (row?.value as { url?: unknown } | undefined)?.url;
  return row && typeof url === "string" ? { url, updatedAt: row.updatedAt } : null;
}

/**
 * The console URL agents dial, written into import commands, manifests and the systemd
 * unit: the admin's setting (Postgres, shared by every replica) over OUTPOST_SERVER_URL.
 */
export async function getAgentServerUrl(): Promise<string> {
  return (await readRow())?.url ?? getRuntimeContext().config.serverUrl;
}

/** The setting as the settings page shows it. */
export async function readAgentServerUrlSettings(): Promise<TAgentServerUrlSettings> {
  const row = await readRow();
  const environmentUrl = getRuntimeContext().config.serverUrl;
  return { url: row?.url ?? environmentUrl, source: row ? "setting" : "environment", environmentUrl, updatedAt: row?.updatedAt.toISOString() ?? null };
}
