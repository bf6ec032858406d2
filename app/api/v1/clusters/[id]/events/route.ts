// GET /api/v1/clusters/[id]/events – events of one cluster with kubectl's columns ({ cluster, items, error })
import { kubeListRoute } from "@/lib/server/explorer/define-kube-routes";

export const GET = kubeListRoute("events");
