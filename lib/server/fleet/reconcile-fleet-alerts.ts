import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evaluateAlertRules, type DesiredAlert } from "@/lib/shared/fleet/alert-rules";
import type { TFleetAlert } from "@/lib/shared/fleet/fleet-api.schema";
import { prisma } from "../db/prisma";
import { readAlertInputs } from "./read-alert-inputs";
import { toFleetAlert } from "./to-fleet-alert";

export interface AlertChanges {
  fired: TFleetAlert[];
  resolved: TFleetAlert[];
  open: number;
}

function sameParams(a: unknown, b: Record<string, string | number>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function fire(d: DesiredAlert, now: Date): Promise<TFleetAlert> {
  const fields = { severity: d.severity, params: d.params as Prisma.InputJsonValue, since: d.since ?? now, firedAt: now, lastSeenAt: now };
  // A returning condition re-opens its row: a new since, and nobody has acknowledged it yet.
  const row = await prisma.fleetAlert.upsert({
    where: { key: d.key },
    create: { key: d.key, clusterId: d.clusterId, rule: d.rule, subject: d.subject, ...fields },
    update: { ...fields, resolvedAt: null, ackedAt: null, ackedById: null, ackedByName: null },
  });
  return toFleetAlert(row);
}

/**
 * Evaluates the alert rules on the fleet's last-known state and brings `fleet_alerts` in
 * line: new conditions fire (or re-open), open alerts that still hold are kept (lastSeenAt
 * advances in one statement), the others are resolved. Returns what changed, for the webhook.
 */
export async function reconcileFleetAlerts(now = new Date()): Promise<AlertChanges> {
  const desired = evaluateAlertRules(await readAlertInputs(), now);
  const open = await prisma.fleetAlert.findMany({ where: { resolvedAt: null } });
  const openByKey = new Map(open.map((a) => [a.key, a]));
  const desiredKeys = new Set(desired.map((d) => d.key));
  const fired: TFleetAlert[] = [];
  const still: string[] = [];
  for (const d of desired) {
    const existing = openByKey.get(d.key);
    if (!existing) fired.push(await fire(d, now));
    else if (existing.severity !== d.severity || !sameParams(existing.params, d.params)) {
      await prisma.fleetAlert.update({ where: { id: existing.id }, data: { severity: d.severity, params: d.params as Prisma.InputJsonValue, lastSeenAt: now } });
    } else still.push(existing.id);
  }
  if (still.length) await prisma.fleetAlert.updateMany({ where: { id: { in: still } }, data: { lastSeenAt: now } });
  const gone = open.filter((a) => !desiredKeys.has(a.key));
  if (gone.length) await prisma.fleetAlert.updateMany({ where: { id: { in: gone.map((a) => a.id) } }, data: { resolvedAt: now } });
  const resolved = gone.map((a) => toFleetAlert({ ...a, resolvedAt: now }));
  return { fired, resolved, open: desired.length };
}
