import "server-only";
import { ZLabelsSchema } from "@/lib/shared/clusters/clusters.schema";
import { parseLabelsText } from "@/lib/shared/clusters/labels-text";
import type { TCreatedFleetToken, TCreateFleetToken } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { renderLabels, templateError } from "@/lib/shared/fleet-registration/render-registration";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { buildImportCommands } from "../enrollment/build-import-commands";
import { generateFleetToken, hashSecret } from "../enrollment/secret-format";
import { ApiError } from "../http/api-error";
import { getRuntimeContext } from "../runtime/runtime-context";
import { toFleetTokenDto } from "./to-fleet-dtos";

/** A sample identity to check that the label template yields valid labels. */
const SAMPLE = { nodeName: "node-1", machineId: "0123456789abcdef0123456789abcdef", arch: "arm64", k3sVersion: "v1.31.4+k3s1", labels: {} };

function checkTemplates(input: TCreateFleetToken): void {
  const fields: Record<string, string> = {};
  const nameError = templateError(input.nameTemplate);
  if (nameError) fields.nameTemplate = nameError;
  const labelError = templateError(input.labelTemplate);
  if (labelError) fields.labelTemplate = labelError;
  else {
    const parsed = parseLabelsText(input.labelTemplate);
    if ("error" in parsed) fields.labelTemplate = `"${parsed.error}" is not key=value`;
    else {
      const checked = ZLabelsSchema.safeParse(renderLabels(input.labelTemplate, SAMPLE));
      if (!checked.success) fields.labelTemplate = checked.error.issues[0]?.message ?? "is not a valid label list";
    }
  }
  if (Object.keys(fields).length > 0) throw new ApiError("validation_failed", "The fleet token's templates are invalid", { fields });
}

/**
 * Creates a fleet token for self-registration. Only its hash is stored; the value and the
 * import commands that carry it are in this answer only. Audited without the value.
 */
export async function createFleetToken(input: TCreateFleetToken, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TCreatedFleetToken> {
  checkTemplates(input);
  const token = generateFleetToken();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.fleetToken.create({
      data: {
        name: input.name,
        tokenHash: hashSecret(token),
        labelTemplate: input.labelTemplate,
        nameTemplate: input.nameTemplate,
        requireApproval: input.requireApproval,
        maxUses: input.maxUses,
        expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
        createdById: actor.id,
        createdByName: actor.name,
      },
    });
    await recordAuditEvent(
      { actor, action: "fleet.token.create", target: { type: "fleet-token", id: created.id, name: created.name }, details: { requireApproval: input.requireApproval, maxUses: input.maxUses, labelTemplate: input.labelTemplate, nameTemplate: input.nameTemplate, expiresAt: created.expiresAt.toISOString() }, ...meta },
      tx,
    );
    return created;
  });
  const importCommands = await buildImportCommands(token, null, row.expiresAt);
  return { ...toFleetTokenDto(row), token, caChecksum: getRuntimeContext().caChecksum, importCommands, cloudInit: importCommands.systemd ? `#cloud-config\nruncmd:\n  - |\n    ${importCommands.systemd.replace(/\n/g, "\n    ")}\n` : null };
}
