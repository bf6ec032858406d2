import "server-only";
import type { TApiToken, TCreateApiToken } from "@/lib/shared/api-tokens/api-tokens.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-audit-event";
import { auditActorOf, type Principal } from "../auth/principal";
import { displayPrefix, generateApiToken, hashApiToken } from "./api-token-format";
import { toApiTokenDto } from "./to-api-token-dto";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Issues a personal API token; the token value is returned once and stored only hashed. */
export async function createApiToken(
  principal: Principal,
  input: TCreateApiToken,
  meta: { ip?: string; requestId?: string } = {},
): Promise<TApiToken & { token: string }> {
  const token = generateApiToken();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: principal.userId,
        name: input.name,
        tokenHash: hashApiToken(token),
        prefix: displayPrefix(token),
        expiresAt: input.ttlDays ? new Date(Date.now() + input.ttlDays * DAY_MS) : null,
      },
    });
    await recordAuditEvent(
      {
        actor: auditActorOf(principal),
        action: "token.create",
        target: { type: "api-token", id: created.id, name: input.name },
        details: { ttlDays: input.ttlDays ?? null },
        ...meta,
      },
      tx,
    );
    return created;
  });
  return { ...toApiTokenDto(row), token };
}
