import "server-only";
import { resourcePath } from "@/lib/shared/explorer/resources";
import { kubeStream, type KubeStream } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

export interface PodLogOptions {
  container?: string;
  tailLines?: number;
  sinceSeconds?: number;
  follow?: boolean;
  timestamps?: boolean;
  previous?: boolean;
  signal?: AbortSignal;
}

/**
 * Opens `pods/log` as a stream of text. With `follow` it runs until the container ends,
 * the caller aborts, or `signal` fires; the tunnel stream ends with it.
 */
export async function openPodLogStream(clusterId: string, identity: KubeIdentity, namespace: string, name: string, opts: PodLogOptions): Promise<KubeStream> {
  return kubeStream(clusterId, identity, {
    path: resourcePath("pods", { namespace, name, subresource: "log" }),
    accept: "text/plain, */*",
    query: {
      container: opts.container,
      tailLines: opts.tailLines,
      sinceSeconds: opts.sinceSeconds,
      follow: opts.follow ? "true" : undefined,
      timestamps: opts.timestamps ? "true" : undefined,
      previous: opts.previous ? "true" : undefined,
    },
    signal: opts.signal,
  });
}
