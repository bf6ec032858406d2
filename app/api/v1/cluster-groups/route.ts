// GET /api/v1/cluster-groups – saved cluster groups (selector or id list) with their cluster count and bundles
// POST /api/v1/cluster-groups – create {name, description?, clusterSelector | clusterIds}
import { auditActorOf } from "@/lib/server/auth/principal";
import { listClusterGroups } from "@/lib/server/cluster-groups/list-cluster-groups";
import { saveClusterGroup } from "@/lib/server/cluster-groups/save-cluster-group";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZClusterGroupInputSchema } from "@/lib/shared/cluster-groups/cluster-groups.schema";

export const GET = defineRoute({ access: "bundles:read" }, async () => listClusterGroups());

export const POST = defineRoute({ access: "groups:write", body: ZClusterGroupInputSchema }, async ({ principal, body, meta }) =>
  Response.json(await saveClusterGroup(null, body, auditActorOf(principal), meta), { status: 201 }),
);
