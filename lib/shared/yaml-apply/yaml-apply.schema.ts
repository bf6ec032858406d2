// Request and response of the YAML apply route (POST /api/v1/clusters/{id}/apply):
// server-side apply with field manager `outpost`, always dry-run first.
import { z } from "zod";
import { ZNamespaceSchema } from "../explorer/explorer.schema";

/** Largest manifest accepted (all documents together). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Most documents in one manifest. */
export const MAX_MANIFEST_DOCUMENTS = 50;
/** The field manager of every apply from the console. */
export const OUTPOST_FIELD_MANAGER = "outpost";

export const ZApplyBodySchema = z.object({
  yaml: z.string().min(1, "is required").max(MAX_MANIFEST_BYTES, "must be at most 1 MiB"),
  /** Namespace of namespaced objects that name none (like `kubectl apply -n`). */
  namespace: ZNamespaceSchema.default("default"),
  /** `dryRun`: the server's dry run (nothing changes); `apply`: the real apply. */
  mode: z.enum(["dryRun", "apply"]),
  /** Take fields other managers own (operators and admins; the cluster's RBAC decides too). */
  force: z.boolean().default(false),
});
export type TApplyBody = z.infer<typeof ZApplyBodySchema>;

/** A field another manager owns, from the apiserver's conflict Status. */
export interface TApplyConflict {
  field: string;
  manager: string;
}

/** What happened to one document. */
export interface TApplyDocumentResult {
  index: number;
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  /** created / configured / unchanged (dry run: what would happen), conflict, error. */
  outcome: "created" | "configured" | "unchanged" | "conflict" | "error";
  /** YAML of the live object before (null when it does not exist), without managedFields. */
  live: string | null;
  /** YAML of the object the server returned (dry run or applied), without managedFields. */
  result: string | null;
  /** Changed lines between live and result. */
  diff: { added: number; removed: number };
  conflicts: TApplyConflict[];
  error: { status: number; reason: string; message: string } | null;
}

export interface TApplyResult {
  mode: "dryRun" | "apply";
  force: boolean;
  documents: TApplyDocumentResult[];
}
