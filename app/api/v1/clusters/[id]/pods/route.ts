// GET /api/v1/clusters/[id]/pods – pods of one cluster with kubectl's columns ({ cluster, items, error })
import { kubeListRoute } from "@/lib/server/explorer/define-kube-routes";

export const GET = kubeListRoute("pods");
