import "server-only";
import type { ApiToken } from "@/lib/generated/prisma/client";
import type { TApiToken } from "@/lib/shared/api-tokens/api-tokens.schema";

export function toApiTokenDto(row: ApiToken & { clusterGroup: { name: string } | null }): TApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    readOnly: row.readOnly,
    clusterGroup: row.clusterGroup?.name ?? null,
  };
}
