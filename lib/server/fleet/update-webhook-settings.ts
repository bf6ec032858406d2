import "server-only";
import type { TUpdateWebhook, TWebhookSettings } from "@/lib/shared/fleet/fleet-api.schema";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { prisma } from "../db/prisma";
import type { RequestMeta } from "../http/request-meta";
import { toWebhookSettings, WEBHOOK_ID } from "./webhook-settings";

/** Saves the alert webhook (admin), audited without the secret. */
export async function updateWebhookSettings(input: TUpdateWebhook, actor: AuditActor, meta?: RequestMeta): Promise<TWebhookSettings> {
  const data = {
    enabled: input.enabled,
    url: input.url,
    updatedByName: actor.name,
    ...(input.secret !== undefined ? { secret: input.secret } : {}),
  };
  return prisma.$transaction(async (tx) => {
    const row = await tx.fleetWebhookSettings.upsert({ where: { id: WEBHOOK_ID }, create: { id: WEBHOOK_ID, ...data }, update: data });
    await recordAuditEvent(
      {
        actor,
        action: "fleet.webhook.update",
        target: { type: "settings", id: WEBHOOK_ID, name: "fleet webhook" },
        ip: meta?.ip,
        requestId: meta?.requestId,
        details: { enabled: input.enabled, url: input.url, secretChanged: input.secret !== undefined },
      },
      tx,
    );
    return toWebhookSettings(row);
  });
}
