import { getTranslations } from "next-intl/server";
import { KubeEdgePage } from "@/components/kubeedge/kubeedge-page";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";

export async function generateMetadata() {
  const t = await getTranslations("kubeedge");
  return { title: t("title") };
}

// The KubeEdge tab of a cluster: edge nodes, Devices with twins and drift, DeviceModels.
export default async function ClusterKubeEdgePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePrincipal();
  const { id } = await params;
  return <KubeEdgePage clusterId={id} />;
}
