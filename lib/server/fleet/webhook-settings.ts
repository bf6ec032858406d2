import "server-only";
import type { FleetWebhookSettings } from "@/lib/generated/prisma/client";
import type { TWebhookSettings } from "@/lib/shared/fleet/fleet-api.schema";
import { prisma } from "../db/prisma";
import type { DeliveryResult } from "./deliver-webhook";

export const WEBHOOK_ID = "default";

/** The webhook row, or null when an admin never saved one. */
export async function readWebhookRow(): Promise<FleetWebhookSettings | null> {
  return prisma.fleetWebhookSettings.findUnique({ where: { id: WEBHOOK_ID } });
}

/** The API shape of the settings: the secret is never returned, only whether there is one. */
export function toWebhookSettings(row: FleetWebhookSettings | null): TWebhookSettings {
  return {
    enabled: row?.enabled ?? false,
    url: row?.url ?? null,
    hasSecret: Boolean(row?.secret),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedByName: row?.updatedByName ?? null,
    lastDeliveryAt: row?.lastDeliveryAt?.toISOString() ?? null,
    lastDeliveryStatus: row?.lastDeliveryStatus ?? null,
    lastDeliveryError: row?.lastDeliveryError ?? null,
  };
}

/** Remembers the outcome of the latest delivery (shown to the admin beside the settings). */
export async function recordDelivery(result: DeliveryResult, at = new Date()): Promise<void> {
  await prisma.fleetWebhookSettings.updateMany({
    where: { id: WEBHOOK_ID },
    data: { lastDeliveryAt: at, lastDeliveryStatus: result.ok ? `ok ${result.status}` : `failed after ${result.attempts}`, lastDeliveryError: result.error?.slice(0, 300) ?? null },
  });
}
