import "server-only";
import type { TFleetToken } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { prisma } from "../db/prisma";
import { toFleetTokenDto } from "./to-fleet-dtos";

/** Every fleet token, newest first (without values). */
export async function listFleetTokens(): Promise<TFleetToken[]> {
  const rows = await prisma.fleetToken.findMany({ orderBy: { createdAt: "desc" }, take: 500 });
  return rows.map(toFleetTokenDto);
}
