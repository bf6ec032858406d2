import "server-only";
import type { TBundleSummary } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";
import { bundleCounts, missingTargetCounts, toBundleSummary, WITH_GROUP } from "./to-bundle-summary";

/** Every bundle with its rollout and per-state counts, by name. */
export async function listBundles(): Promise<{ items: TBundleSummary[] }> {
  const bundles = await prisma.bundle.findMany({ orderBy: { name: "asc" }, include: WITH_GROUP });
  const [counts, missing] = await Promise.all([bundleCounts(bundles.map((b) => b.id)), missingTargetCounts(bundles)]);
  return { items: bundles.map((b) => toBundleSummary(b, counts, missing)) };
}
