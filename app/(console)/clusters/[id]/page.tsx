import { getTranslations } from "next-intl/server";
import { ClusterBundles } from "@/components/bundles/cluster-bundles";
import Link from "next/link";
import { ClusterLifecycle } from "@/components/clusters/cluster-lifecycle";
import { ClusterRegistrationPanel } from "@/components/clusters/cluster-registration-panel";
import { ClusterOverview } from "@/components/explorer/cluster-overview";
import { requireClusterPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("clusters");
  return { title: t("title") };
}

// Overview of one cluster: its live summary (from the cluster explorer) and its registration.
export default async function ClusterOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requireClusterPagePrincipal(id);
  const tApply = await getTranslations("yamlApply");
  return (
    <div className="space-y-8">
      {can(principal.role, "clusters:act") ? (
        <Link href={`/clusters/${encodeURIComponent(id)}/create`} className="inline-block rounded-md border border-slate-700 px-3 py-1 text-sm text-slate-200 hover:border-sky-500">
          {tApply("createLink")}
        </Link>
      ) : null}
      <ClusterOverview clusterId={id} />
      <ClusterBundles clusterId={id} />
      <ClusterLifecycle clusterId={id} />
      <ClusterRegistrationPanel clusterId={id} canWrite={can(principal.role, "clusters:write")} />
    </div>
  );
}
