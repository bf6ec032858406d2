import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditLog } from "@/components/audit/audit-log";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("audit");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {can(principal.role, "audit:read") ? (
        <Suspense>
          <AuditLog />
        </Suspense>
      ) : (
        <Forbidden />
      )}
    </>
  );
}
