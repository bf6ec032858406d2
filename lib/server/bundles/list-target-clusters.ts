import "server-only";
import { labelSelectorMatches } from "@/lib/shared/explorer/label-selector";
import { prisma, type TransactionClient } from "../db/prisma";

export interface TargetCluster {
  id: string;
  name: string;
  labels: Record<string, string>;
}

export function labelsOf(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The clusters a selection picks now: a label selector over cluster labels, or explicit ids. */
export async function listSelectedClusters(selection: { clusterSelector: string | null; clusterIds: string[] }, tx: TransactionClient = prisma): Promise<TargetCluster[]> {
  if (selection.clusterSelector === null) {
    const rows = await tx.cluster.findMany({ where: { id: { in: selection.clusterIds } }, select: { id: true, name: true, labels: true } });
    return rows.map((c) => ({ id: c.id, name: c.name, labels: labelsOf(c.labels) }));
  }
  const rows = await tx.cluster.findMany({ select: { id: true, name: true, labels: true } });
  const selector = selection.clusterSelector;
  return rows.map((c) => ({ id: c.id, name: c.name, labels: labelsOf(c.labels) })).filter((c) => labelSelectorMatches(selector, c.labels));
}

/** The clusters a bundle's targets select now: its label selector, its explicit ids, or its saved group's selection. */
export async function listTargetClusters(bundle: { clusterSelector: string | null; clusterIds: string[]; groupId: string | null }, tx: TransactionClient = prisma): Promise<TargetCluster[]> {
  if (bundle.groupId !== null) {
    const group = await tx.clusterGroup.findUnique({ where: { id: bundle.groupId }, select: { clusterSelector: true, clusterIds: true } });
    return group ? listSelectedClusters(group, tx) : [];
  }
  return listSelectedClusters(bundle, tx);
}
