import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { RoleBindingsAdmin } from "@/components/users/role-bindings-admin";
import { UsersAdmin } from "@/components/users/users-admin";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("users");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {can(principal.role, "users:read") ? (
        <div className="space-y-10">
          <UsersAdmin currentUserId={principal.userId} />
          <RoleBindingsAdmin />
        </div>
      ) : (
        <Forbidden />
      )}
    </>
  );
}
