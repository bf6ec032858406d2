import "server-only";
import type { TEdgexPageQuery } from "@/lib/shared/edgex/edgex-api.schema";
import type { TEdgexProfilePage } from "@/lib/shared/edgex/edgex-detail.schema";
import { ZEdgexMultiProfilesSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { readEdgexPage } from "./edgex-paging";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";
import { openEdgexContext } from "./open-edgex-context";

/** `GET …/edgex/profiles?offset=&limit=&labels=`: a page of core-metadata's device profiles. */
export async function listEdgexProfiles(clusterId: string, page: TEdgexPageQuery): Promise<TEdgexProfilePage> {
  const opened = await openEdgexContext(clusterId);
  const base = { offset: page.offset, limit: page.limit };
  if (!opened.ctx) return { ...base, items: [], totalCount: 0, failure: clusterFailure(opened.error) };
  const read = await readEdgexPage(opened.ctx, "core-metadata", edgexPath("deviceprofile", "all"), page, ZEdgexMultiProfilesSchema, (d) => ({ items: d.profiles, totalCount: d.totalCount }));
  return { ...base, ...read };
}
