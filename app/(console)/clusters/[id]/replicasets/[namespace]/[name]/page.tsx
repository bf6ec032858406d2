import { Suspense } from "react";
import { ResourceDetailPage } from "@/components/explorer/resource-detail-page";
import { requireClusterPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: decodeURIComponent((await params).name) };
}

// One object of the replicasets tab: summary, related objects, YAML and actions.
export default async function ReplicasetsDetailPage({ params }: { params: Promise<{ id: string; namespace: string; name: string }> }) {
  const { id, namespace, name } = await params;
  const principal = await requireClusterPagePrincipal(id);
  return (
    <Suspense>
      <ResourceDetailPage clusterId={id} resource="replicasets" namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} canAct={can(principal.role, "clusters:act")} isAdmin={principal.role === "admin"} />
    </Suspense>
  );
}
