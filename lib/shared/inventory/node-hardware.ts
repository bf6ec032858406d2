// A node's hardware as the inventory shows it: what `kubectl get nodes -o wide` and
// `kubectl describe node` print about the machine (architecture, OS image, kernel, runtime,
// kubelet/k3s version, roles, capacity and allocatable, extended resources, taints), plus a
// real-time-kernel marker. Pure and browser-safe: the node page and the fleet collector use it.
import { nodeRoles } from "../kube/node-columns";
import type { NodeLike } from "../kube/types";
import type { TNodeHardware } from "./inventory.schema";

/** The node fields read here beyond NodeLike's (plain JSON as the apiserver serves it). */
export interface HardwareNodeLike extends NodeLike {
  readonly spec?: NodeLike["spec"] & { readonly taints?: readonly { readonly key: string; readonly value?: string; readonly effect: string }[] };
  readonly status?: NodeLike["status"] & {
    readonly capacity?: Readonly<Record<string, string>>;
    readonly allocatable?: Readonly<Record<string, string>>;
    readonly nodeInfo?: NonNullable<NodeLike["status"]>["nodeInfo"] & { readonly architecture?: string; readonly operatingSystem?: string };
  };
}

/** Capacity keys every node has; anything else is an extended resource (GPUs, NPUs, hugepages, devices). */
const BASE_RESOURCES = new Set(["cpu", "memory", "pods", "ephemeral-storage"]);
/** Node Feature Discovery's label for a PREEMPT_RT kernel. */
export const RT_KERNEL_LABEL = "feature.node.kubernetes.io/kernel-config.PREEMPT_RT";
/** Accelerators among extended resources: nvidia.com/gpu, amd.com/gpu, gpu.intel.com/i915, vendor.com/npu, … */
const ACCELERATOR = /(^|[./-])(gpu|npu|tpu|vpu|i915|xe)([./-]|$)/i;

/** True for a PREEMPT_RT kernel: NFD's label, or a kernel release naming it ("6.1.0-28-rt-amd64", "5.15.0-1032-realtime"). */
export function isRealtimeKernel(kernel: string, labels: Readonly<Record<string, string>>): boolean {
  if (labels[RT_KERNEL_LABEL] === "true") return true;
  return /(^|[-.+_])(rt\d*|realtime|preempt[-_]?rt)([-.+_]|$)/i.test(kernel);
}

/** True when an extended resource is an accelerator (counted as GPUs/NPUs in the inventory). */
export function isAccelerator(resource: string): boolean {
  return !resource.startsWith("hugepages-") && ACCELERATOR.test(resource);
}

/** The hardware of one node. */
export function nodeHardware(node: HardwareNodeLike): TNodeHardware {
  const info = node.status?.nodeInfo ?? {};
  const labels = node.metadata?.labels ?? {};
  const capacity = node.status?.capacity ?? {};
  const allocatable = node.status?.allocatable ?? {};
  const extended: Record<string, string> = {};
  for (const [k, v] of Object.entries(capacity)) if (!BASE_RESOURCES.has(k) && v !== "0") extended[k] = v;
  const roles = nodeRoles(node);
  const accelerators = Object.entries(extended)
    .filter(([k]) => isAccelerator(k))
    .reduce((n, [, v]) => n + (Number.parseInt(v, 10) || 0), 0);
  const kernel = info.kernelVersion ?? "";
  return {
    name: node.metadata?.name ?? "",
    architecture: info.architecture ?? labels["kubernetes.io/arch"] ?? "",
    operatingSystem: info.operatingSystem ?? labels["kubernetes.io/os"] ?? "",
    osImage: info.osImage ?? "",
    kernelVersion: kernel,
    containerRuntime: info.containerRuntimeVersion ?? "",
    kubeletVersion: info.kubeletVersion ?? "",
    // k3s agents carry no role label: kubectl prints <none>, the inventory says "agent".
    roles: roles === "<none>" ? ["agent"] : roles.split(","),
    cpuCapacity: capacity.cpu ?? "",
    memoryCapacity: capacity.memory ?? "",
    cpuAllocatable: allocatable.cpu ?? "",
    memoryAllocatable: allocatable.memory ?? "",
    extended,
    accelerators,
    taints: (node.spec?.taints ?? []).map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect })),
    realtime: isRealtimeKernel(kernel, labels),
  };
}
