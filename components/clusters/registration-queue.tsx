"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ApiClientError } from "@/lib/client/api-client";
import { approveFleetRegistration, fetchFleetRegistrations, fleetRegistrationKeys, rejectFleetRegistration } from "@/lib/client/fleet-registration";
import { formatLabelsText, parseLabelsText } from "@/lib/shared/clusters/labels-text";
import type { TFleetRegistration } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { TextField, YamlField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";

function LabelList({ labels }: { labels: Record<string, string> }) {
  const sorted = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
  return <span className="font-mono text-xs text-slate-300">{formatLabelsText(sorted).replace(/\n/g, ", ")}</span>;
}

/** Approve with optional corrections of the proposed name, display name and labels. */
function ApproveDialog({ registration, onDone }: { registration: TFleetRegistration; onDone: () => void }) {
  const t = useTranslations("registration");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [labelsError, setLabelsError] = useState<string | null>(null);
  const approve = useMutation({
    mutationFn: (body: Parameters<typeof approveFleetRegistration>[1]) => approveFleetRegistration(registration.id, body),
    onSuccess: async () => (await queryClient.invalidateQueries({ queryKey: fleetRegistrationKeys.registrations() }), onDone()),
  });
  const fields = approve.error instanceof ApiClientError ? approve.error.fields : {};
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = parseLabelsText(String(form.get("labels") ?? ""));
    if ("error" in parsed) return setLabelsError(t("labelsInvalid", { entry: parsed.error }));
    setLabelsError(null);
    approve.mutate({ name: String(form.get("name") ?? "").trim(), displayName: String(form.get("displayName") ?? "").trim(), labels: parsed.labels });
  }
  return (
    <Dialog open onClose={onDone} title={t("approveTitle", { host: registration.nodeName })}>
      <form onSubmit={onSubmit} className="space-y-3" aria-label={t("approveTitle", { host: registration.nodeName })}>
        <p className="text-sm text-slate-400">{t("approveBody")}</p>
        <TextField name="name" label={t("clusterName")} defaultValue={registration.name} required autoComplete="off" className="font-mono" error={fields.name} />
        <TextField name="displayName" label={t("displayName")} defaultValue={registration.displayName} required autoComplete="off" error={fields.displayName} />
        <YamlField name="labels" label={t("labels")} hint={t("labelsHint")} rows={4} defaultValue={formatLabelsText(registration.labels)} error={labelsError ?? fields.labels} />
        <FormError message={approve.isError && Object.keys(fields).length === 0 ? errorMessage(approve.error) : null} />
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={onDone}>
            {t("cancel")}
          </Button>
          <Button type="submit" variant="primary" disabled={approve.isPending}>
            {t("approve")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The approval queue (what each machine reported) and the decisions taken so far. */
export function RegistrationQueue({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("registration");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const registrations = useQuery({ queryKey: fleetRegistrationKeys.registrations(), queryFn: ({ signal }) => fetchFleetRegistrations(signal), refetchInterval: 5_000 });
  const [approving, setApproving] = useState<TFleetRegistration | null>(null);
  const [rejecting, setRejecting] = useState<TFleetRegistration | null>(null);
  const reject = useMutation({
    mutationFn: (id: string) => rejectFleetRegistration(id),
    onSuccess: async () => (await queryClient.invalidateQueries({ queryKey: fleetRegistrationKeys.registrations() }), setRejecting(null)),
  });
  const items = registrations.data?.items ?? [];
  const waiting = items.filter((r) => r.state !== "approved");
  const approved = items.filter((r) => r.state === "approved").slice(-20).reverse();

  return (
    <section className="space-y-4" aria-labelledby="registration-queue">
      <h2 id="registration-queue" className="text-base font-semibold text-white">
        {t("queueTitle")}
      </h2>
      {registrations.isPending ? <LoadingState /> : null}
      {registrations.isError ? <ErrorState message={errorMessage(registrations.error)} onRetry={() => void registrations.refetch()} /> : null}
      {registrations.isSuccess && waiting.length === 0 ? <EmptyState title={t("queueEmptyTitle")}>{t("queueEmptyBody")}</EmptyState> : null}
      {waiting.length > 0 ? (
        <DataTable label={t("queueTitle")} dense={false} columns={[t("col.machine"), t("col.reported"), t("col.proposal"), t("col.state"), ...(canWrite ? [""] : [])]}>
          {waiting.map((r) => (
            <tr key={r.id} data-testid={`registration-row-${r.nodeName}`}>
              <td className="px-4 py-2">
                <div className="font-medium text-slate-200">{r.nodeName}</div>
                <div className="font-mono text-xs text-slate-500" title={t("machineId")}>
                  {r.machineId}
                </div>
                <div className="text-xs text-slate-500">{t("from", { ip: r.ip ?? "—", token: r.fleetToken?.name ?? "—" })}</div>
              </td>
              <td className="px-4 py-2 text-xs text-slate-300">
                <div>{t("reported", { version: r.k3sVersion, arch: r.arch })}</div>
                <LabelList labels={r.reportedLabels} />
                <div className="text-slate-500">
                  {t("lastSeen")} <RelativeTime value={r.lastSeenAt} />
                </div>
              </td>
              <td className="px-4 py-2">
                <div className="text-slate-200">{r.displayName}</div>
                <div className="font-mono text-xs text-slate-400">{r.name}</div>
                <LabelList labels={r.labels} />
              </td>
              <td className="px-4 py-2 text-sm">{r.state === "rejected" ? t("state.rejected") : t("state.pending")}</td>
              {canWrite ? (
                <td className="space-x-2 px-4 py-2 text-right whitespace-nowrap">
                  <Button variant="primary" onClick={() => setApproving(r)} aria-label={t("approveNamed", { host: r.nodeName })}>
                    {t("approve")}
                  </Button>
                  {r.state === "pending" ? (
                    <Button variant="danger" onClick={() => (reject.reset(), setRejecting(r))} aria-label={t("rejectNamed", { host: r.nodeName })}>
                      {t("reject")}
                    </Button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}
      {approved.length > 0 ? (
        <details className="text-sm text-slate-300">
          <summary className="cursor-pointer">{t("recentlyApproved", { count: approved.length })}</summary>
          <ul className="mt-2 space-y-1">
            {approved.map((r) => (
              <li key={r.id}>
                {r.clusterId ? (
                  <Link href={`/clusters/${r.clusterId}`} className="text-sky-400 hover:underline">
                    {r.displayName}
                  </Link>
                ) : (
                  r.displayName
                )}{" "}
                <span className="text-xs text-slate-500">{t("approvedBy", { host: r.nodeName, by: r.decidedByName ?? "—" })}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {approving ? <ApproveDialog registration={approving} onDone={() => setApproving(null)} /> : null}
      {rejecting ? (
        <ConfirmDialog
          open
          title={t("rejectTitle", { host: rejecting.nodeName })}
          body={t("rejectBody")}
          confirmLabel={t("reject")}
          danger
          pending={reject.isPending}
          error={reject.isError ? errorMessage(reject.error) : null}
          onConfirm={() => reject.mutate(rejecting.id)}
          onCancel={() => setRejecting(null)}
        />
      ) : null}
    </section>
  );
}
