import type { ReactNode } from "react";
import { ResourceSidebar } from "@/components/resources/resource-sidebar";

/** Every discovered resource of a cluster: grouped navigation with quick-jump beside the page. */
export default async function ResourcesLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
      <aside className="lg:max-h-[80vh] lg:overflow-y-auto lg:pr-2">
        <ResourceSidebar clusterId={id} />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
