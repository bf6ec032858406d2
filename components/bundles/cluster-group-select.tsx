"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { clusterGroupKeys, fetchClusterGroups } from "@/lib/client/cluster-groups";
import { SelectField } from "@/components/ui/field";

/** A saved cluster group picked by name (field `group`), with each group's cluster count; says so when there is none. */
export function ClusterGroupSelect({ error }: { error?: string }) {
  const t = useTranslations("bundles.form");
  const groups = useQuery({ queryKey: clusterGroupKeys.all(), queryFn: ({ signal }) => fetchClusterGroups(signal) });
  return (
    <>
      <SelectField name="group" required label={t("group")} error={error}>
        {(groups.data?.items ?? []).map((g) => (
          <option key={g.id} value={g.name}>
            {t("groupOption", { name: g.name, count: g.clusterCount })}
          </option>
        ))}
      </SelectField>
      {groups.isSuccess && groups.data.items.length === 0 ? <p className="text-sm text-amber-300">{t("noGroups")}</p> : null}
    </>
  );
}
