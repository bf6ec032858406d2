import "server-only";
import { lookup } from "node:dns/promises";
import type { TAgentServerUrlSettings } from "@/lib/shared/settings/settings.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { ApiError } from "../http/api-error";
import { coverServingName } from "../tls/cover-serving-name";
import { AGENT_SERVER_URL_KEY, getAgentServerUrl, readAgentServerUrlSettings } from "./get-agent-server-url";

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The name must resolve here (an IP address is taken as is): a typo must not reach every import command. */
async function assertResolvable(host: string): Promise<void> {
  const name = host.replace(/^\[|\]$/g, "");
  if (IPV4.test(name) || name.includes(":")) return;
  try {
    await lookup(name);
  } catch {
    throw new ApiError("validation_failed", `${name} does not resolve from the console`, { fields: { url: "unresolvable" } });
  }
}

/**
 * Sets the URL agents dial (import commands, manifests, the systemd unit) — the first-login
 * "server URL" of Rancher. Validated: https (schema), the name resolves, and the serving
 * certificate covers it (re-issued from the console CA when generated; refused when it was
 * provided). Stored in Postgres, audited with the old and new URL. `url: null` reverts to the
 * environment's URL. Already enrolled agents keep the URL they were given.
 */
export async function setAgentServerUrl(url: string | null, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TAgentServerUrlSettings> {
  const normalised = url === null ? null : new URL(url).origin;
  let certificateReissued = false;
  if (normalised) {
    const host = new URL(normalised).hostname;
    await assertResolvable(host);
    certificateReissued = await coverServingName(host);
  }
  const previous = await getAgentServerUrl();
  await prisma.$transaction(async (tx) => {
    if (normalised) {
      await tx.consoleSetting.upsert({
        where: { key: AGENT_SERVER_URL_KEY },
        create: { key: AGENT_SERVER_URL_KEY, value: { url: normalised }, updatedById: actor.id },
        update: { value: { url: normalised }, updatedById: actor.id },
      });
    } else {
      await tx.consoleSetting.deleteMany({ where: { key: AGENT_SERVER_URL_KEY } });
    }
    await recordAuditEvent(
      { actor, action: "settings.agent-url.update", target: { type: "setting", id: AGENT_SERVER_URL_KEY }, details: { from: previous, to: normalised, certificateReissued }, ...meta },
      tx,
    );
  });
  return { ...(await readAgentServerUrlSettings()), certificateReissued };
}
