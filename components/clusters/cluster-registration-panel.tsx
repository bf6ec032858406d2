"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { clusterKeys, fetchCluster } from "@/lib/client/clusters";
import type { TCluster } from "@/lib/shared/clusters/clusters.schema";
import { labelChipText } from "@/lib/shared/kube/labels";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Badge, ErrorState, LoadingState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ClusterStateBadge } from "./cluster-state-badge";
import { DeleteClusterDialog } from "./delete-cluster-dialog";
import { EditClusterDialog } from "./edit-cluster-dialog";
import { ImportCommands } from "./import-commands";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-200" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * A cluster's registration: state, location, labels, CA, import commands and token
 * actions. What the agent reports (version, nodes, last seen) is in the overview above.
 */
export function ClusterRegistrationPanel({ clusterId, canWrite }: { clusterId: string; canWrite: boolean }) {
  const t = useTranslations("clusters");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"edit" | "delete" | "rotate" | "revoke" | null>(null);
  const [fresh, setFresh] = useState<TCluster | null>(null);
  const cluster = useQuery({ queryKey: clusterKeys.detail(clusterId), queryFn: ({ signal }) => fetchCluster(clusterId, signal) });
  const rotate = useMutation({
    mutationFn: () => apiFetch<TCluster>(`/api/v1/clusters/${clusterId}/registration-tokens`, { method: "POST" }),
    onSuccess: (data) => {
      setFresh(data);
      setDialog(null);
    },
  });
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/v1/clusters/${clusterId}/registration-tokens`, { method: "DELETE" }),
    onSuccess: async () => {
      setFresh(null);
      setDialog(null);
      await queryClient.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) });
    },
  });

  if (cluster.isPending) return <LoadingState />;
  if (cluster.isError) return <ErrorState message={errorMessage(cluster.error)} onRetry={() => void cluster.refetch()} />;
  const c = cluster.data;
  return (
    <section className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-800 bg-slate-900/50 p-4 md:grid-cols-4">
        <Fact label={t("col.state")}>
          <ClusterStateBadge state={c.state} reason={c.stateReason} />{" "}
          <span className="text-xs text-slate-400">
            <RelativeTime value={c.stateSince} />
          </span>
          {c.stateReason ? <p className="mt-1 text-xs text-slate-400" data-testid="cluster-state-reason">{c.stateReason}</p> : null}
        </Fact>
        <Fact label={t("col.location")}>{[c.region, c.site].filter(Boolean).join(" / ") || "—"}</Fact>
        <Fact label={t("labelsTitle")}>
          {Object.keys(c.labels).length ? (
            <span className="flex flex-wrap gap-1">
              {Object.entries(c.labels).map(([k, v]) => (
                <Badge key={k}>{labelChipText(k, v)}</Badge>
              ))}
            </span>
          ) : (
            "—"
          )}
        </Fact>
        <Fact label={t("caChecksum")}>
          <span className="font-mono text-xs break-all" data-testid="ca-checksum">{c.caChecksum || t("publicCaShort")}</span>
        </Fact>
      </dl>
      {c.description ? <p className="text-sm text-slate-300">{c.description}</p> : null}

      {canWrite ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" onClick={() => setDialog("rotate")}>{t("newImportCommand")}</Button>
          <Button onClick={() => setDialog("edit")}>{t("edit")}</Button>
          <Button onClick={() => setDialog("revoke")}>{t("revokeTokens")}</Button>
          <Button variant="danger" onClick={() => setDialog("delete")}>{t("deleteCluster")}</Button>
        </div>
      ) : null}
      {c.state === "pending" && !fresh ? <p className="text-sm text-slate-400">{t("pendingHint")}</p> : null}
      {fresh?.importCommands ? <ImportCommands commands={fresh.importCommands} caChecksum={fresh.caChecksum} /> : null}

      <EditClusterDialog cluster={c} open={dialog === "edit"} onClose={() => setDialog(null)} />
      <DeleteClusterDialog cluster={c} open={dialog === "delete"} onClose={() => setDialog(null)} />
      <ConfirmDialog
        open={dialog === "rotate"}
        title={t("rotateTitle")}
        body={t("rotateBody")}
        confirmLabel={t("rotateConfirm")}
        pending={rotate.isPending}
        error={rotate.error ? errorMessage(rotate.error) : null}
        onConfirm={() => rotate.mutate()}
        onCancel={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === "revoke"}
        title={t("revokeTitle")}
        body={t("revokeBody")}
        confirmLabel={t("revokeTokens")}
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={() => revoke.mutate()}
        onCancel={() => setDialog(null)}
      />
    </section>
  );
}
