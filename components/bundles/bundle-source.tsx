"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { bundleKeys, syncBundle } from "@/lib/client/bundles";
import type { TBundleDetail } from "@/lib/shared/bundles/bundles.schema";
import { valuesToText } from "@/lib/shared/bundles/values-text";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

/** Where the YAML comes from (Git: repository, ref, last commit, last read, error; "Read now") and the revision's values. */
export function BundleSource({ bundle, canWrite }: { bundle: TBundleDetail; canWrite: boolean }) {
  const t = useTranslations("bundles.source");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const sync = useMutation({ mutationFn: () => syncBundle(bundle.id), onSuccess: () => queryClient.invalidateQueries({ queryKey: bundleKeys.all() }) });
  const git = bundle.git;
  const values = valuesToText(bundle.values, bundle.overrides);
  if (!git && !values) return null;
  return (
    <section className="space-y-3 rounded-lg border border-slate-800 p-4 text-sm" aria-label={t("title")}>
      {git ? (
        <div className="space-y-1" data-testid="git-source">
          <div className="flex flex-wrap items-center gap-3">
            <span className="font-medium text-slate-200">{t("git")}</span>
            <span className="font-mono text-xs text-slate-300">{git.url}</span>
            <span className="text-slate-400">{t("ref", { ref: git.ref, path: git.path || "/" })}</span>
            {canWrite ? (
              <Button onClick={() => sync.mutate()} disabled={sync.isPending}>
                {t("readNow")}
              </Button>
            ) : null}
          </div>
          <div className="text-slate-400">
            {git.commit ? t("commit", { commit: git.commit.slice(0, 7) }) : t("noCommit")}
            {git.checkedAt ? (
              <span className="ml-2">
                {t("checked")} <RelativeTime value={git.checkedAt} />
              </span>
            ) : null}
            <span className="ml-2">{t("poll", { seconds: git.pollSeconds })}</span>
            {git.hasSecret ? <span className="ml-2">{t("credentials")}</span> : null}
          </div>
          <FormError message={git.error ? t("error", { error: git.error }) : null} />
          <FormError message={sync.isError ? errorMessage(sync.error) : null} />
          {sync.isSuccess ? <p className="text-slate-400">{sync.data.revision !== null ? t("newRevision", { revision: sync.data.revision }) : sync.data.error ? null : t("upToDate")}</p> : null}
        </div>
      ) : null}
      {values ? (
        <div>
          <div className="mb-1 font-medium text-slate-200">{t("values")}</div>
          <pre className="overflow-x-auto rounded bg-slate-950 p-2 font-mono text-xs text-slate-300" data-testid="bundle-values">{values}</pre>
        </div>
      ) : null}
    </section>
  );
}
