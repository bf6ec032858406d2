import type { TAuditQuery } from "@/lib/shared/audit/audit.schema";

/** Query-key factories; cluster-scoped keys start with the cluster id (see STYLE.md §8). */
export const queryKeys = {
  me: () => ["me"] as const,
  users: () => ["users"] as const,
  apiTokens: () => ["api-tokens"] as const,
  audit: (filters: Partial<TAuditQuery>) => ["audit", filters] as const,
};
