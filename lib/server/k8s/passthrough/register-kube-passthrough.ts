import "server-only";
import { registerRawHandler } from "../../runtime/raw-handlers";
import { registerUpgradeHandler } from "../../runtime/upgrade-handlers";
import { PASSTHROUGH_PREFIX } from "./admit-passthrough";
import { proxyKubeRequest } from "./proxy-kube-request";
import { proxyKubeUpgrade } from "./proxy-kube-upgrade";

/** Mounts the kubectl passthrough on `/k8s/clusters` (requests and upgrades). Called by installHandlers. */
export function registerKubePassthrough(): void {
  registerRawHandler(PASSTHROUGH_PREFIX, proxyKubeRequest);
  registerUpgradeHandler(PASSTHROUGH_PREFIX, proxyKubeUpgrade);
}
