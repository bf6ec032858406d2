import "server-only";
import type { TEdgexPageQuery } from "@/lib/shared/edgex/edgex-api.schema";
import type { TEdgexDeviceServicePage } from "@/lib/shared/edgex/edgex-detail.schema";
import { ZEdgexMultiDeviceServicesSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { readEdgexPage } from "./edgex-paging";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";
import { openEdgexContext } from "./open-edgex-context";

/** `GET …/edgex/device-services?offset=&limit=&labels=`: a page of core-metadata's device services. */
export async function listEdgexDeviceServices(clusterId: string, page: TEdgexPageQuery): Promise<TEdgexDeviceServicePage> {
  const opened = await openEdgexContext(clusterId);
  const base = { offset: page.offset, limit: page.limit };
  if (!opened.ctx) return { ...base, items: [], totalCount: 0, failure: clusterFailure(opened.error) };
  const read = await readEdgexPage(opened.ctx, "core-metadata", edgexPath("deviceservice", "all"), page, ZEdgexMultiDeviceServicesSchema, (d) => ({ items: d.services, totalCount: d.totalCount }));
  return { ...base, ...read };
}
