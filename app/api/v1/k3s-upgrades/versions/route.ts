// GET /api/v1/k3s-upgrades/versions – the fleet's k3s version spread (newest first) and the clusters that lag
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { defineRoute } from "@/lib/server/http/define-route";
import { listK3sVersions } from "@/lib/server/upgrades/list-k3s-versions";

export const GET = defineRoute({ access: "clusters:read" }, async ({ principal }) => listK3sVersions(await clusterScopeOf(principal)));
