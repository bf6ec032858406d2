import "server-only";
import type { TBundleRevision } from "@/lib/shared/bundles/bundles.schema";
import { storedValues } from "@/lib/shared/bundles/bundle-values";
import { prisma } from "../db/prisma";
import { notFound } from "../http/api-error";

/** A bundle's revisions with their YAML, newest first (the UI diffs any two). */
export async function listBundleRevisions(bundleId: string): Promise<{ items: TBundleRevision[] }> {
  const bundle = await prisma.bundle.findUnique({ where: { id: bundleId }, select: { id: true } });
  if (!bundle) throw notFound("Bundle");
  const rows = await prisma.bundleRevision.findMany({ where: { bundleId }, orderBy: { number: "desc" } });
  return { items: rows.map((r) => ({ number: r.number, yaml: r.yaml, ...storedValues(r.values, r.overrides), gitCommit: r.gitCommit, createdBy: r.createdByName, createdAt: r.createdAt.toISOString() })) };
}
