import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evaluateAlertRules, type DesiredAlert } from "@/lib/shared/fleet/alert-rules";
import type { TFleetAlert } from "@/lib/shared/fleet/fleet-api.schema";
import { prisma } from "../db/prisma";
import { readAlertInputs } from "./read-alert-inputs";
import { toFleetAlert } from "./to-fleet-alert";

/** lastSeenAt of a still-open alert is refreshed this often, not every pass (10,000 open alerts would mean 10,000 row writes per pass). */
const LAST_SEEN_EVERY_MS = 5 * 60_000;

export interface AlertChanges {
  fired: TFleetAlert[];
  resolved: TFleetAlert[];
  open: number;
}

function sameParams(a: unknown, b: Record<string, string | number>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const fields = (d: DesiredAlert, now: Date) => ({ severity: d.severity, params: d.params as Prisma.InputJsonValue, since: d.since ?? now, firedAt: now, lastSeenAt: now });

/**
 * Opens alerts: brand-new keys in one INSERT (a fleet-wide outage may open thousands at
 * once); a returning condition re-opens its old row with a new since and no acknowledgement.
 */
async function fire(alerts: DesiredAlert[], now: Date): Promise<TFleetAlert[]> {
  if (alerts.length === 0) return [];
  const keys = alerts.map((d) => d.key);
  const existing = new Set((await prisma.$queryRaw<Array<{ key: string }>>`SELECT key FROM fleet_alerts WHERE key = ANY(${keys}::text[])`).map((a) => a.key));
  const created = await prisma.fleetAlert.createManyAndReturn({
    data: alerts.filter((d) => !existing.has(d.key)).map((d) => ({ key: d.key, clusterId: d.clusterId, rule: d.rule, subject: d.subject, ...fields(d, now) })),
  });
  const reopened = [];
  for (const d of alerts.filter((a) => existing.has(a.key))) {
    reopened.push(await prisma.fleetAlert.update({ where: { key: d.key }, data: { ...fields(d, now), resolvedAt: null, ackedAt: null, ackedById: null, ackedByName: null } }));
  }
  return [...created, ...reopened].map((row) => toFleetAlert(row));
}

/**
 * Evaluates the alert rules on the fleet's last-known state and brings `fleet_alerts` in
 * line: new conditions fire (or re-open), open alerts that still hold are kept (lastSeenAt
 * advances in one statement), the others are resolved. Returns what changed, for the webhook.
 */
export async function reconcileFleetAlerts(now = new Date()): Promise<AlertChanges> {
  const desired = evaluateAlertRules(await readAlertInputs(), now);
  const open = await prisma.fleetAlert.findMany({ where: { resolvedAt: null } });
  // (whole rows: resolved ones are returned to the webhook)
  const touchBefore = now.getTime() - LAST_SEEN_EVERY_MS;
  const openByKey = new Map(open.map((a) => [a.key, a]));
  const desiredKeys = new Set(desired.map((d) => d.key));
  const toFire: DesiredAlert[] = [];
  const still: string[] = [];
  for (const d of desired) {
    const existing = openByKey.get(d.key);
    if (!existing) toFire.push(d);
    else if (existing.severity !== d.severity || !sameParams(existing.params, d.params)) {
      await prisma.fleetAlert.update({ where: { id: existing.id }, data: { severity: d.severity, params: d.params as Prisma.InputJsonValue, lastSeenAt: now } });
    } else if (existing.lastSeenAt.getTime() < touchBefore) still.push(existing.id);
  }
  const fired = await fire(toFire, now);
  // ANY(array): one parameter however many alerts are open (IN lists hit the bind-variable limit).
  if (still.length) await prisma.$executeRaw`UPDATE fleet_alerts SET "lastSeenAt" = ${now} WHERE id = ANY(${still}::text[])`;
  const gone = open.filter((a) => !desiredKeys.has(a.key));
  if (gone.length) await prisma.$executeRaw`UPDATE fleet_alerts SET "resolvedAt" = ${now} WHERE id = ANY(${gone.map((a) => a.id)}::text[])`;
  const resolved = gone.map((a) => toFleetAlert({ ...a, resolvedAt: now }));
  return { fired, resolved, open: desired.length };
}
