import "server-only";
import type { TUser } from "@/lib/shared/users/users.schema";
import { prisma } from "../db/prisma";
import { toUserDto } from "./to-user-dto";

/** All users, by username. Consoles have tens of users, not thousands: no paging. */
export async function listUsers(): Promise<TUser[]> {
  const users = await prisma.user.findMany({ orderBy: { username: "asc" } });
  return users.map(toUserDto);
}
