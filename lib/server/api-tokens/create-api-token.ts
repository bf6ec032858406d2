import "server-only";
import type { TApiToken, TCreateApiToken } from "@/lib/shared/api-tokens/api-tokens.schema";
import { prisma } from "../db/prisma";
import { ApiError } from "../http/api-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { auditActorOf, type Principal } from "../auth/principal";
import { displayPrefix, generateApiToken, hashApiToken } from "./api-token-format";
import { toApiTokenDto } from "./to-api-token-dto";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issues a personal API token; the token value is returned once and stored only hashed. It
 * carries its owner's access, optionally narrowed (read-only, one cluster group).
 */
export async function createApiToken(
  principal: Principal,
  input: TCreateApiToken,
  meta: { ip?: string; requestId?: string } = {},
): Promise<TApiToken & { token: string }> {
  const group = input.clusterGroup ? await prisma.clusterGroup.findUnique({ where: { name: input.clusterGroup }, select: { id: true } }) : null;
  if (input.clusterGroup && !group) throw new ApiError("validation_failed", `There is no cluster group named ${input.clusterGroup}`, { fields: { clusterGroup: `no cluster group named ${input.clusterGroup}` } });
  const token = generateApiToken();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: principal.userId,
        name: input.name,
        tokenHash: hashApiToken(token),
        prefix: displayPrefix(token),
        expiresAt: input.ttlDays ? new Date(Date.now() + input.ttlDays * DAY_MS) : null,
        readOnly: input.readOnly ?? false,
        clusterGroupId: group?.id ?? null,
      },
      include: { clusterGroup: { select: { name: true } } },
    });
    await recordAuditEvent(
      {
        actor: auditActorOf(principal),
        action: "token.create",
        target: { type: "api-token", id: created.id, name: input.name },
        details: { ttlDays: input.ttlDays ?? null, readOnly: input.readOnly ?? false, clusterGroup: input.clusterGroup ?? null },
        ...meta,
      },
      tx,
    );
    return created;
  });
  return { ...toApiTokenDto(row), token };
}
