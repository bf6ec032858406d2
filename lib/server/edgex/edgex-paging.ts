import "server-only";
import type { z } from "zod";
import type { TEdgexFailure, TEdgexPageQuery } from "@/lib/shared/edgex/edgex-api.schema";
import { absentService, callEdgex } from "@/lib/shared/edgex/call-edgex";
import { serviceFor, type EdgexContext } from "@/lib/shared/edgex/edgex-context";

export type PageRead<T> = { items: T[]; totalCount: number; failure: TEdgexFailure | null };

/**
 * Reads one page of an EdgeX `…/all` list from service `key`. EdgeX answers 416 when the
 * offset runs past the data (3.1 even for offset 0 of an empty list), which is an empty
 * page, not a failure.
 */
export async function readEdgexPage<S extends z.ZodType, T>(
  ctx: EdgexContext,
  key: string,
  path: string,
  page: TEdgexPageQuery,
  schema: S,
  pick: (data: z.infer<S>) => { items: T[]; totalCount?: number },
): Promise<PageRead<T>> {
  const service = serviceFor(ctx, key);
  if (!service) return { items: [], totalCount: 0, failure: absentService(key) };
  const query = { offset: page.offset, limit: page.limit, labels: page.labels || undefined };
  const res = await callEdgex(ctx.transport, service, { path, query, timeoutMs: ctx.timeoutMs }, schema);
  if (!res.ok) return res.failure.status === 416 && res.failure.reason === "rejected" ? { items: [], totalCount: page.offset, failure: null } : { items: [], totalCount: 0, failure: res.failure };
  const picked = pick(res.data);
  return { items: picked.items, totalCount: picked.totalCount ?? picked.items.length, failure: null };
}
