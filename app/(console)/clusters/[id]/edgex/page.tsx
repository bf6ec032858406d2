import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { EdgexPage } from "@/components/edgex/edgex-page";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";

export async function generateMetadata() {
  const t = await getTranslations("edgex");
  return { title: t("title") };
}

// The EdgeX tab of a cluster: services, devices, profiles, device services, live readings.
export default async function ClusterEdgexPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePrincipal();
  const { id } = await params;
  return (
    <Suspense>
      <EdgexPage clusterId={id} />
    </Suspense>
  );
}
