import { getTranslations } from "next-intl/server";
import { EdgexDeviceDetail } from "@/components/edgex/edgex-device-detail";
import { requireClusterPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

/** Next may hand the segment still encoded; a malformed escape is shown as typed rather than failing the page. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ device: string }> }) {
  const t = await getTranslations("edgex");
  return { title: t("deviceTitle", { device: decoded((await params).device) }) };
}

// One EdgeX device: metadata, profile resources, commands (set commands for operators and admins), live readings.
export default async function EdgexDevicePage({ params }: { params: Promise<{ id: string; device: string }> }) {
  const { id, device } = await params;
  const principal = await requireClusterPagePrincipal(id);
  return <EdgexDeviceDetail clusterId={id} device={decoded(device)} canAct={can(principal.role, "clusters:act")} />;
}
