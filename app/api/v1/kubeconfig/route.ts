// GET /api/v1/kubeconfig – kubeconfig (YAML) with one context per cluster, for kubectl through the console
import { defineRoute } from "@/lib/server/http/define-route";
import { downloadFleetKubeconfig } from "@/lib/server/explorer/download-kubeconfig";

export const GET = defineRoute({ access: "clusters:read" }, ({ principal, req }) => downloadFleetKubeconfig(principal, req));
