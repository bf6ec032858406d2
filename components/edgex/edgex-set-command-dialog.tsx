"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/client/api-client";
import { edgexKeys, edgexUrl } from "@/lib/client/edgex/edgex-keys";
import { useEdgexSetCommand } from "@/lib/client/edgex/use-edgex-commands";
import type { TEdgexReadResult } from "@/lib/shared/edgex/edgex-detail.schema";
import type { TEdgexSetField } from "@/lib/shared/edgex/set-command-fields";
import { validateSetValues, type TSetValueIssue } from "@/lib/shared/edgex/validate-set-values";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FailureNote } from "./failure-note";
import { SetCommandInput } from "./set-command-input";
import { FormError } from "@/components/ui/form-error";

type Props = { clusterId: string; device: string; command: string; fields: TEdgexSetField[]; canRead: boolean; onClose: () => void };

/**
 * The form of a set (PUT) command, built from the device profile: one input per writable
 * resource (read-only ones are not offered), pre-filled with the current values when the
 * command can also be read. Values are checked like the server will, then confirmed, then
 * sent; the server validates again and records the audit event.
 */
export function EdgexSetCommandDialog({ clusterId, device, command, fields, canRead, onClose }: Props) {
  const t = useTranslations("edgex.setCommand");
  const tIssue = useTranslations("edgex.setCommand.issues");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.resource, f.defaultValue ?? (f.kind === "bool" ? "true" : (f.options?.[0] ?? ""))])));
  const [issues, setIssues] = useState<Record<string, TSetValueIssue>>({});
  const [confirming, setConfirming] = useState<Record<string, string> | null>(null);
  const set = useEdgexSetCommand(clusterId, device, command);
  // Fields the user edited: the pre-fill (which may arrive late) never overwrites them.
  const touched = useRef(new Set<string>());
  const resources = fields.map((f) => f.resource).join("\u0000");

  useEffect(() => {
    if (!canRead) return;
    const controller = new AbortController();
    const wanted = new Set(resources.split("\u0000"));
    // Pre-fill once with what the device holds now, so "set" changes only what the user edits.
    apiFetch<TEdgexReadResult>(edgexUrl(clusterId, "devices", device, "commands", command), { signal: controller.signal })
      .then((res) => {
        const current = res.readings.filter((r) => r.value !== null && wanted.has(r.resourceName) && !touched.current.has(r.resourceName));
        setValues((v) => ({ ...v, ...Object.fromEntries(current.map((r) => [r.resourceName, r.value!])) }));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [canRead, clusterId, device, command, resources]);

  const review = () => {
    const checked = validateSetValues(fields.filter((f) => f.kind !== "unsupported"), values);
    if (!checked.ok) return setIssues(checked.issues);
    setIssues({});
    set.reset();
    setConfirming(checked.body);
  };
  const send = () => {
    if (!confirming) return;
    // Back to the form either way: it shows the outcome, or the server's field errors.
    set.mutate(confirming, {
      onSettled: () => {
        setConfirming(null);
        void queryClient.invalidateQueries({ queryKey: edgexKeys.cluster(clusterId) });
      },
    });
  };
  const issueText = (issue: TSetValueIssue) => tIssue(issue.code, { ...issue, options: "options" in issue ? issue.options.join(", ") : "" });
  const serverFields = set.error instanceof ApiClientError ? set.error.fields : {};

  return (
    <>
      {/* Stays open under the confirmation (native modals stack): closing it would end the whole flow. */}
      <Dialog
        open
        onClose={onClose}
        title={t("title", { command, device })}
        footer={
          <>
            <Button onClick={onClose}>{t("close")}</Button>
            <Button variant="primary" onClick={review}>
              {t("review")}
            </Button>
          </>
        }
      >
        <p className="text-xs text-slate-400">{t("intro")}</p>
        {fields.map((f) => (
          <SetCommandInput
            key={f.resource}
            field={f}
            value={values[f.resource] ?? ""}
            error={issues[f.resource] ? issueText(issues[f.resource]!) : serverFields[`values.${f.resource}`]}
            onChange={(v) => {
              touched.current.add(f.resource);
              setValues((old) => ({ ...old, [f.resource]: v }));
            }}
          />
        ))}
        {set.data?.ok ? (
          <p role="status" className="text-sm text-emerald-300" data-testid="edgex-set-result">
            {t("done", { command })}
          </p>
        ) : null}
        {set.data?.failure ? <FailureNote failure={set.data.failure} testId="edgex-set-failure" /> : null}
        <FormError message={set.isError ? errorMessage(set.error) : null} />
      </Dialog>
      <ConfirmDialog
        open={confirming !== null}
        title={t("confirmTitle", { command, device })}
        body={
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-xs">
            {Object.entries(confirming ?? {}).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-400">{k}</dt>
                <dd className="text-slate-100">{v}</dd>
              </div>
            ))}
          </dl>
        }
        confirmLabel={t("confirm")}
        pending={set.isPending}
        onConfirm={send}
        onCancel={() => setConfirming(null)}
      />
    </>
  );
}
