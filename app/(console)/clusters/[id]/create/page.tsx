import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { CreateFromYaml } from "@/components/yaml-apply/create-from-yaml";
import { requireClusterPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("yamlApply");
  return { title: t("createTitle") };
}

// Create objects from YAML in one cluster (operators and admins): multi-document, dry run first.
export default async function CreateFromYamlPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ ns?: string }> }) {
  const { id } = await params;
  const principal = await requireClusterPagePrincipal(id);
  const { ns } = await searchParams;
  return can(principal.role, "clusters:act") ? <CreateFromYaml clusterId={id} namespace={ns ?? "default"} /> : <Forbidden />;
}
