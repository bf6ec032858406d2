"use client";

import { useTranslations } from "next-intl";
import type { TClusterState } from "@/lib/shared/clusters/clusters.schema";
import { Badge } from "@/components/ui/states";

const TONE = { pending: "slate", active: "green", unavailable: "red" } as const;

export function ClusterStateBadge({ state, reason, testId = "cluster-state" }: { state: TClusterState; reason?: string | null; testId?: string }) {
  const t = useTranslations("clusters.state");
  return (
    <span title={reason ?? undefined} data-testid={testId}>
      <Badge tone={TONE[state]}>{t(state)}</Badge>
    </span>
  );
}
