import "server-only";
import type { User } from "@/lib/generated/prisma/client";
import { prisma, type TransactionClient } from "../db/prisma";
import { notFound } from "../http/api-error";

export async function getUserOrThrow(id: string, tx: TransactionClient = prisma): Promise<User> {
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw notFound("User");
  return user;
}
