"use client";

import { useTranslations } from "next-intl";
import type { TClusterState } from "@/lib/shared/clusters/clusters.schema";
import { Badge } from "@/components/ui/states";

const TONE = { pending: "slate", active: "green", unavailable: "red" } as const;

export function ClusterStateBadge({ state, reason }: { state: TClusterState; reason?: string | null }) {
  const t = useTranslations("clusters.state");
  return (
    <span title={reason ?? undefined} data-testid="cluster-state">
      <Badge tone={TONE[state]}>{t(state)}</Badge>
    </span>
  );
}
