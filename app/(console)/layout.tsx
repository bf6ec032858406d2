import type { ReactNode } from "react";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export const dynamic = "force-dynamic";

/** The signed-in console: navigation (entries the role may use) and the user menu. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await requirePagePrincipal();
  const items: NavItem[] = [
    { href: "/fleet", key: "fleet" },
    { href: "/clusters", key: "clusters" },
    { href: "/bundles", key: "bundles" },
    ...(can(principal.role, "users:read") ? [{ href: "/users", key: "users" } as const] : []),
    ...(can(principal.role, "audit:read") ? [{ href: "/audit", key: "audit" } as const] : []),
    ...(can(principal.role, "settings:write") ? [{ href: "/settings", key: "settings" } as const] : []),
  ];
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col justify-between border-r border-slate-800 bg-slate-950 p-4">
        <div className="space-y-6">
          <a href="/fleet" className="block px-3 text-xl font-bold tracking-tight text-white">
            Outpost
          </a>
          <NavLinks items={items} />
        </div>
        <UserMenu username={principal.username} role={principal.role} />
      </aside>
      <main className="min-w-0 flex-1 p-6">{children}</main>
    </div>
  );
}
