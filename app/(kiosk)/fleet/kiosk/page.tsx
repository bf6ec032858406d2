import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { KioskView } from "@/components/fleet/kiosk-view";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { ZFleetGroupSchema } from "@/lib/shared/fleet/fleet-query.schema";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("wall");
  return { title: t("title") };
}

const ZKioskParams = z.object({
  group: ZFleetGroupSchema.catch("region").default("region"),
  view: z.enum(["grid", "map"]).catch("grid").default("grid"),
  /** The group zoomed into ("" = clusters without a value). */
  focus: z.string().max(200).optional().catch(undefined),
});

/**
 * /fleet/kiosk (entered as /fleet?kiosk=1) — the NOC wall, full screen: no console
 * navigation (this route lives outside the (console) layout). `view=grid|map`,
 * `group=region|site|state|label:<key>`, `focus=<group>` zooms into one group.
 */
export default async function KioskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePrincipal();
  const params = ZKioskParams.parse(await searchParams);
  return <KioskView group={params.group} view={params.view} focus={params.focus} />;
}
