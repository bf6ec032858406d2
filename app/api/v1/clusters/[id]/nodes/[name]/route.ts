// GET /api/v1/clusters/[id]/nodes/[name] – one object: YAML, related objects ({ cluster, object, error })
import { kubeClusterDetailRoute } from "@/lib/server/explorer/define-kube-routes";

export const GET = kubeClusterDetailRoute("nodes");
