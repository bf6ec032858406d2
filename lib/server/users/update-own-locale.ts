import "server-only";
import type { TLocale } from "@/lib/i18n/locales";
import { prisma } from "../db/prisma";
import type { Principal } from "../auth/principal";

/** Remembers the user's language (the UI also sets the locale cookie). */
export async function updateOwnLocale(principal: Principal, locale: TLocale): Promise<void> {
  await prisma.user.update({ where: { id: principal.userId }, data: { locale } });
}
