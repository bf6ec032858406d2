import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { BundleDetail } from "@/components/bundles/bundle-detail";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("bundles");
  return { title: t("title") };
}

export default async function BundlePage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal();
  const { id } = await params;
  return (
    <Suspense>
      <BundleDetail bundleId={id} canWrite={can(principal.role, "bundles:write")} />
    </Suspense>
  );
}
