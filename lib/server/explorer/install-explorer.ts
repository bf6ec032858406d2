import "server-only";
import { registerKubePassthrough } from "../k8s/passthrough/register-kube-passthrough";
import { stopWatchHub } from "./watch-hub";

/**
 * Installs the cluster explorer's non-Next parts: the kubectl passthrough on
 * `/k8s/clusters` (requests and upgrades). Returns the shutdown step that closes every
 * shared upstream watch.
 */
export function installExplorer(): () => void {
  registerKubePassthrough();
  return stopWatchHub;
}
