import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { KioskView } from "@/components/fleet/kiosk-view";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { ZFleetGroupSchema } from "@/lib/shared/fleet/fleet-query.schema";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("fleet.kiosk");
  return { title: t("title") };
}

const ZKioskParams = z.object({
  group: ZFleetGroupSchema.catch("region").default("region"),
  rotate: z.coerce.number().int().min(5).max(3600).catch(15).default(15),
  /** Group to show first (e.g. the operator's own region). */
  start: z.string().max(100).optional().catch(undefined),
});

/**
 * /fleet/kiosk (entered as /fleet?kiosk=1) — full screen for a wall display: no console
 * navigation (this route lives outside the (console) layout), large type, rotating groups.
 */
export default async function KioskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePrincipal();
  const params = ZKioskParams.parse(await searchParams);
  return <KioskView group={params.group} rotateSeconds={params.rotate} start={params.start} />;
}
