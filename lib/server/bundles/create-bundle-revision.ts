import "server-only";
import { definedValueKeys, storedValues, type TBundleOverride, type TBundleValues } from "@/lib/shared/bundles/bundle-values";
import type { TBundleDetail, TCreateBundleRevision } from "@/lib/shared/bundles/bundles.schema";
import { bundleYamlError } from "@/lib/shared/bundles/render-bundle";
import { prisma, type TransactionClient } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { ApiError, conflict, notFound } from "../http/api-error";
import { kickBundleDriver } from "./bundle-driver";
import { getBundle } from "./get-bundle";
import { startRollout } from "./start-rollout";

export interface RevisionContent {
  yaml?: string;
  values?: TBundleValues;
  overrides?: TBundleOverride[];
  gitCommit?: string;
}

/**
 * Inside the caller's transaction: locks the bundle row (two revisions submitted at once
 * get consecutive numbers), stores the next revision — what `content` omits is carried over
 * from the latest one — and starts its rollout. Returns the bundle's name and the number.
 */
export async function addBundleRevision(tx: TransactionClient, bundleId: string, content: RevisionContent, createdByName: string): Promise<{ name: string; number: number }> {
  const locked = await tx.$queryRaw<Array<{ name: string; kind: string }>>`SELECT "name", "kind" FROM "bundles" WHERE "id" = ${bundleId} FOR UPDATE`;
  const name = locked[0]?.name;
  if (name === undefined) throw notFound("Bundle");
  if (locked[0]?.kind === "k3s-upgrade") throw conflict("A k3s upgrade's objects are Outpost's own: start a new upgrade instead");
  const last = await tx.bundleRevision.findFirst({ where: { bundleId }, orderBy: { number: "desc" } });
  const previous = storedValues(last?.values, last?.overrides);
  const yaml = content.yaml ?? last?.yaml ?? "";
  const values = content.values ?? previous.values;
  const overrides = content.overrides ?? previous.overrides;
  // Values changed alone must still fit the YAML (a key the YAML uses cannot disappear).
  const error = bundleYamlError(yaml, definedValueKeys(values, overrides));
  if (error) throw new ApiError("validation_failed", `The revision does not render: ${error}`, { fields: { [content.yaml !== undefined ? "source.yaml" : "values"]: error } });
  const number = (last?.number ?? 0) + 1;
  await tx.bundleRevision.create({ data: { bundleId, number, yaml, values, overrides, gitCommit: content.gitCommit ?? (content.yaml === undefined ? last?.gitCommit : null) ?? null, createdByName } });
  await startRollout(tx, bundleId, number);
  return { name, number };
}

/** Adds an immutable revision (new YAML and/or values) and rolls it out from wave 0; audited, one transaction. */
export async function createBundleRevision(bundleId: string, input: TCreateBundleRevision, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TBundleDetail> {
  await prisma.$transaction(async (tx) => {
    const bundle = await tx.bundle.findUnique({ where: { id: bundleId }, select: { gitUrl: true, deletingAt: true } });
    if (!bundle) throw notFound("Bundle");
    if (bundle.deletingAt) throw conflict("The bundle is being deleted");
    if (input.source && bundle.gitUrl) throw conflict("This bundle reads its YAML from Git: push a commit (values and overrides can still be changed here)");
    const { name, number } = await addBundleRevision(tx, bundleId, { yaml: input.source?.yaml, values: input.values, overrides: input.overrides }, actor.name);
    await recordAuditEvent({ actor, action: "bundle.revision", target: { type: "bundle", id: bundleId, name }, details: { revision: number, yaml: input.source !== undefined, values: input.values !== undefined, overrides: input.overrides !== undefined }, ...meta }, tx);
  });
  kickBundleDriver();
  return getBundle(bundleId);
}
