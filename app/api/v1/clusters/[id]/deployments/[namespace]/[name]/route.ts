// GET /api/v1/clusters/[id]/deployments/[namespace]/[name] – one object: YAML, related objects ({ cluster, object, error })
import { kubeNamespacedDetailRoute } from "@/lib/server/explorer/define-kube-routes";

export const GET = kubeNamespacedDetailRoute("deployments");
