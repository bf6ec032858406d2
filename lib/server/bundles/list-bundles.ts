import "server-only";
import type { TBundleSummary } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";
import { bundleCounts, toBundleSummary } from "./to-bundle-summary";

/** Every bundle with its rollout and per-state counts, by name. */
export async function listBundles(): Promise<{ items: TBundleSummary[] }> {
  const bundles = await prisma.bundle.findMany({ orderBy: { name: "asc" } });
  const counts = await bundleCounts(bundles.map((b) => b.id));
  return { items: bundles.map((b) => toBundleSummary(b, counts)) };
}
