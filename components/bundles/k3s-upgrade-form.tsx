"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiClientError } from "@/lib/client/api-client";
import { createK3sUpgrade, fetchK3sVersions, upgradeKeys } from "@/lib/client/upgrades";
import { Button } from "@/components/ui/button";
import { ClusterGroupSelect } from "./cluster-group-select";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

const OTHER = "";

/** The fleet's k3s version spread and the clusters that lag behind the newest. */
function VersionSpread() {
  const t = useTranslations("upgrades");
  const errorMessage = useErrorMessage();
  const spread = useQuery({ queryKey: upgradeKeys.versions(), queryFn: ({ signal }) => fetchK3sVersions(signal) });
  if (spread.isPending) return <LoadingState />;
  if (spread.isError) return <ErrorState message={errorMessage(spread.error)} onRetry={() => void spread.refetch()} />;
  const d = spread.data;
  return (
    <section className="space-y-2 text-sm text-slate-300" aria-labelledby="version-spread" data-testid="version-spread">
      <h2 id="version-spread" className="text-base font-semibold text-white">
        {t("spreadTitle")}
      </h2>
      {d.versions.length === 0 ? <p className="text-slate-400">{t("spreadEmpty")}</p> : null}
      <ul className="flex flex-wrap gap-2">
        {d.versions.map((v) => (
          <li key={v.version} className="rounded border border-slate-700 px-2 py-1 font-mono text-xs">
            {t("versionCount", { version: v.version, count: v.clusters })}
          </li>
        ))}
      </ul>
      {d.lagging.length > 0 ? (
        <details>
          <summary className="cursor-pointer">{t("lagging", { count: d.lagging.length, newest: d.newest ?? "—" })}</summary>
          <ul className="mt-1 space-y-0.5 text-xs">
            {d.lagging.slice(0, 50).map((l) => (
              <li key={l.clusterId}>
                <Link href={`/clusters/${l.clusterId}`} className="text-sky-300 hover:underline">
                  {l.name}
                </Link>{" "}
                <span className="font-mono text-slate-400">{l.version}</span> <span className="text-slate-500">{t("minorsBehind", { count: l.minorsBehind })}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {d.unknown > 0 ? <p className="text-xs text-slate-500">{t("unknownVersions", { count: d.unknown })}</p> : null}
    </section>
  );
}

/** Start a k3s upgrade: targets, version (one the fleet runs, or entered), waves, agent concurrency. */
export function K3sUpgradeForm({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("upgrades");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const versions = useQuery({ queryKey: upgradeKeys.versions(), queryFn: ({ signal }) => fetchK3sVersions(signal) });
  const [byGroup, setByGroup] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const start = useMutation({ mutationFn: createK3sUpgrade, onSuccess: (created) => router.push(`/bundles/${created.bundle.id}`) });
  const fields = start.error instanceof ApiClientError ? start.error.fields : {};
  const chosen = choice ?? versions.data?.newest ?? OTHER;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const str = (k: string) => String(form.get(k) ?? "").trim();
    const num = (k: string, fallback: number) => (str(k) ? Number(str(k)) : fallback);
    const firstWave = num("firstWave", 0);
    start.mutate({
      targets: byGroup ? { group: str("group") } : { clusterSelector: str("selector") },
      version: chosen === OTHER ? str("otherVersion") : chosen,
      agentConcurrency: num("agentConcurrency", 1),
      rollout: { ...(firstWave > 0 ? { firstWave: { count: firstWave } } : {}), batchPercent: num("batchPercent", 100), soakSeconds: num("soakSeconds", 60), maxFailed: num("maxFailed", 1) },
    });
  }

  return (
    <div className="space-y-8">
      <VersionSpread />
      {canWrite ? (
        <form onSubmit={onSubmit} className="max-w-2xl space-y-3 rounded-lg border border-slate-800 p-4" aria-label={t("formTitle")}>
          <h2 className="text-base font-semibold text-white">{t("formTitle")}</h2>
          <p className="text-xs text-slate-400">{t("formHint")}</p>
          <div className="flex gap-4 text-sm text-slate-300">
            <label className="flex items-center gap-2">
              <input type="radio" name="kind" checked={!byGroup} onChange={() => setByGroup(false)} />
              {t("bySelector")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="kind" checked={byGroup} onChange={() => setByGroup(true)} />
              {t("byGroup")}
            </label>
          </div>
          {byGroup ? <ClusterGroupSelect error={fields["targets.group"] ?? fields.targets} /> : <TextField name="selector" label={t("selector")} required className="font-mono" error={fields["targets.clusterSelector"] ?? fields.targets} />}
          <SelectField name="version" label={t("version")} value={chosen} onChange={(e) => setChoice(e.target.value)} error={chosen === OTHER ? undefined : fields.version}>
            {(versions.data?.versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
            <option value={OTHER}>{t("otherVersion")}</option>
          </SelectField>
          {chosen === OTHER ? <TextField name="otherVersion" label={t("enteredVersion")} required className="font-mono" error={fields.version} /> : null}
          <div className="grid grid-cols-2 gap-3">
            <TextField name="firstWave" type="number" min={0} label={t("firstWave")} hint={t("firstWaveHint")} />
            <TextField name="batchPercent" type="number" min={1} max={100} defaultValue={100} label={t("batchPercent")} />
            <TextField name="soakSeconds" type="number" min={0} defaultValue={60} label={t("soakSeconds")} />
            <TextField name="maxFailed" type="number" min={1} defaultValue={1} label={t("maxFailed")} />
            <TextField name="agentConcurrency" type="number" min={1} max={100} defaultValue={1} label={t("agentConcurrency")} hint={t("agentConcurrencyHint")} />
          </div>
          <FormError message={start.isError && !fields.version ? errorMessage(start.error) : null} />
          <Button type="submit" variant="primary" disabled={start.isPending}>
            {t("submit")}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-slate-400">{t("adminsOnly")}</p>
      )}
    </div>
  );
}
