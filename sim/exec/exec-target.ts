import type { ClusterState } from "../cluster/cluster-state";
import { ApiError, notFound } from "../api/status";
import type { Container, Pod } from "../store/kube-types";

const truthy = (v: string | null): boolean => v === "true" || v === "1";

/** The pod, container and stream options of an exec/attach request, validated like the apiserver's PodExecOptions. */
export interface ExecTarget {
  pod: Pod;
  container: Container;
  argv: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/**
 * Resolves `pods/<name>/exec|attach` to a running container: 404 for a missing pod, 400 for
 * a completed pod, a missing or ambiguous container name, no streams or (exec) no command,
 * and the kubelet's `container not found` while the container is not running.
 */
export function execTarget(cluster: ClusterState, namespace: string, name: string, sub: "exec" | "attach", q: URLSearchParams): ExecTarget {
  const pod = cluster.store.get("/pods", namespace, name) as Pod | undefined;
  if (!pod) throw notFound("pods", "", name);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") throw new ApiError(400, `cannot ${sub} into a container in a completed pod; current phase is ${phase}`);
  const names = pod.spec.containers.map((c) => c.name);
  let containerName = q.get("container") ?? "";
  if (!containerName) {
    if (names.length !== 1) throw new ApiError(400, `a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`);
    containerName = names[0]!;
  }
  const container = pod.spec.containers.find((c) => c.name === containerName);
  if (!container) throw new ApiError(400, `container ${containerName} is not valid for pod ${name}`);
  const opts = { stdin: truthy(q.get("stdin")), stdout: truthy(q.get("stdout")), stderr: truthy(q.get("stderr")), tty: truthy(q.get("tty")) };
  if (!opts.stdin && !opts.stdout && !opts.stderr) throw new ApiError(400, "you must specify at least 1 of stdin, stdout, stderr");
  const argv = q.getAll("command");
  if (sub === "exec" && argv.length === 0) throw new ApiError(400, "you must specify at least one command for the container");
  const status = pod.status?.containerStatuses?.find((s) => s.name === containerName) as { state?: { running?: unknown } } | undefined;
  if (!status?.state?.running) throw new ApiError(404, `container not found ("${containerName}")`);
  return { pod, container, argv, ...opts };
}
