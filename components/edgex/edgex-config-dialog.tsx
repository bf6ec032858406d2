"use client";

import { useTranslations } from "next-intl";
import { stringify } from "yaml";
import { useEdgexConfig } from "@/lib/client/edgex/use-edgex-config";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FailureNote } from "./failure-note";

/** A service's configuration as YAML; the server masked every secret before sending it. */
export function EdgexConfigDialog({ clusterId, service, onClose }: { clusterId: string; service: { namespace: string; name: string } | null; onClose: () => void }) {
  const t = useTranslations("edgex.services");
  const tx = useTranslations("edgex");
  const errorMessage = useErrorMessage();
  const config = useEdgexConfig(clusterId, service?.namespace ?? "", service?.name ?? "", service !== null);
  return (
    <Dialog open={service !== null} onClose={onClose} title={t("configTitle", { name: service?.name ?? "" })} footer={<Button onClick={onClose}>{tx("close")}</Button>}>
      <p className="text-xs text-slate-400">{t("configMasked")}</p>
      {config.isPending ? <LoadingState /> : null}
      {config.isError ? <ErrorState message={errorMessage(config.error)} onRetry={() => void config.refetch()} /> : null}
      {config.data?.failure ? <FailureNote failure={config.data.failure} /> : null}
      {config.data?.config ? (
        <pre data-testid="edgex-config" className="max-h-[60vh] overflow-auto rounded bg-slate-950 p-3 font-mono text-xs text-slate-200">
          {stringify(config.data.config)}
        </pre>
      ) : null}
    </Dialog>
  );
}
