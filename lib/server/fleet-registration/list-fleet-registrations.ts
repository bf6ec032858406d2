import "server-only";
import type { TFleetRegistration, TFleetRegistrationState } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { prisma } from "../db/prisma";
import { toFleetRegistrationDto } from "./to-fleet-dtos";

/** Registrations (the approval queue with `state: "pending"`), oldest waiting first. */
export async function listFleetRegistrations(state?: TFleetRegistrationState): Promise<TFleetRegistration[]> {
  const rows = await prisma.fleetRegistration.findMany({
    where: state ? { state } : {},
    include: { fleetToken: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 2000,
  });
  return rows.map(toFleetRegistrationDto);
}
