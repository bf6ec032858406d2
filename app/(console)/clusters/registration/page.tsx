import { getTranslations } from "next-intl/server";
import { FleetTokens } from "@/components/clusters/fleet-tokens";
import { RegistrationQueue } from "@/components/clusters/registration-queue";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("registration");
  return { title: t("title") };
}

/** Self-registration: the approval queue and (for operators) the fleet tokens. */
export default async function RegistrationPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("registration");
  const canWrite = can(principal.role, "clusters:write");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-10">
        <RegistrationQueue canWrite={canWrite} />
        {canWrite ? <FleetTokens /> : null}
      </div>
    </>
  );
}
