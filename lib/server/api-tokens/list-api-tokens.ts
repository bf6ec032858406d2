import "server-only";
import type { TApiToken } from "@/lib/shared/api-tokens/api-tokens.schema";
import { prisma } from "../db/prisma";
import { toApiTokenDto } from "./to-api-token-dto";

/** The caller's own API tokens (never their values). */
export async function listApiTokens(userId: string): Promise<TApiToken[]> {
  const rows = await prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, include: { clusterGroup: { select: { name: true } } } });
  return rows.map(toApiTokenDto);
}
