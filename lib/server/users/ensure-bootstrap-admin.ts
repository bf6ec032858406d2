import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { prisma } from "../db/prisma";
import { recordAuditEvent, SYSTEM_ACTOR } from "../audit/record-audit-event";
import { insertUserWithPassword } from "./insert-user-with-password";

export type BootstrapResult =
  | { created: false }
  | { created: true; username: "admin"; generatedPassword: string | undefined };

/**
 * On first start (no users at all) creates user `admin`. With `password` (from
 * OUTPOST_BOOTSTRAP_PASSWORD) that is its password; otherwise a random one is returned
 * (to be printed once) and the first login must change it. Serialised by an advisory lock
 * so concurrent first starts create exactly one admin.
 */
export async function ensureBootstrapAdmin(password: string | undefined): Promise<BootstrapResult> {
  if ((await prisma.user.count()) > 0) return { created: false };
  const generatedPassword = password ? undefined : randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('outpost.bootstrap-admin'))`;
    if ((await tx.user.count()) > 0) return { created: false } as const;
    const user = await insertUserWithPassword(tx, {
      username: "admin",
      displayName: "Administrator",
      role: "admin",
      passwordHash,
      mustChangePassword: generatedPassword !== undefined,
    });
    await recordAuditEvent(
      {
        actor: SYSTEM_ACTOR,
        action: "user.bootstrap",
        target: { type: "user", id: user.id, name: "admin" },
        details: { source: password ? "OUTPOST_BOOTSTRAP_PASSWORD" : "generated" },
      },
      tx,
    );
    return { created: true, username: "admin", generatedPassword } as const;
  });
}
