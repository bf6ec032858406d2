import "server-only";
import { prisma } from "../db/prisma";
import type { HardwareRow } from "./build-hardware-rows";

/**
 * Replaces one cluster's rows of the hardware inventory and records their hash on its
 * snapshot, in one transaction (a reader never sees the cluster half-written).
 */
export async function writeNodeInventory(clusterId: string, rows: HardwareRow[], hash: string, now: Date): Promise<void> {
  await prisma.$transaction([
    prisma.fleetNode.deleteMany({ where: { clusterId } }),
    prisma.fleetNode.createMany({
      data: rows.map((r) => ({
        clusterId,
        name: r.name,
        architecture: r.architecture,
        operatingSystem: r.operatingSystem,
        osImage: r.osImage,
        kernelVersion: r.kernelVersion,
        containerRuntime: r.containerRuntime,
        kubeletVersion: r.kubeletVersion,
        roles: r.roles,
        cpuCapacity: r.cpuCapacity,
        memoryCapacity: r.memoryCapacity,
        cpuAllocatable: r.cpuAllocatable,
        memoryAllocatable: r.memoryAllocatable,
        extended: r.extended,
        resources: Object.keys(r.extended).sort(),
        accelerators: r.accelerators,
        taints: r.taints,
        realtime: r.realtime,
        ready: r.ready,
        updatedAt: now,
      })),
    }),
    prisma.fleetSnapshot.updateMany({ where: { clusterId }, data: { hardwareHash: hash } }),
  ]);
}
