import { getTranslations } from "next-intl/server";
import { AlertsPanel } from "@/components/fleet/alerts-panel";
import { FleetTabs } from "@/components/fleet/fleet-tabs";
import { WebhookSettings } from "@/components/fleet/webhook-settings";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("alerts");
  return { title: t("title") };
}

/** /fleet/alerts — open and resolved alerts; operators acknowledge, admins configure the webhook. */
export default async function FleetAlertsPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("fleet");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FleetTabs />
      <div className="space-y-10">
        <AlertsPanel canAck={can(principal.role, "clusters:act")} />
        {can(principal.role, "settings:write") ? <WebhookSettings /> : null}
      </div>
    </>
  );
}
