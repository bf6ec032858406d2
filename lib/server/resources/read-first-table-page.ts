import "server-only";
import type { TResourceRef } from "@/lib/shared/resources/resource-path";
import { TABLE_FIRST_PAGE_ROWS, type TInitialTablePage, type TTableView } from "@/lib/shared/resources/table-paging";
import { scopeToCluster } from "../access/cluster-scope";
import type { Principal } from "../auth/principal";
import { listResourceTable } from "./list-resource-table";

/** A page render waits this long for the cluster at most; a slower list is read by the browser as before. */
const DEADLINE_MS = 1_500;

/**
 * The first page of a resource's Table for a list page's server render, as the user (the
 * same scope check and impersonation as the list route), so the first rows are in the
 * HTML instead of waiting for hydration and a second round trip. Null when the cluster
 * refuses, fails or is slower than the deadline: the browser then reads it and shows the
 * error or the rows itself.
 */
export async function readFirstTablePage(principal: Principal, clusterId: string, ref: TResourceRef, view: TTableView): Promise<TInitialTablePage | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const scoped = await scopeToCluster(principal, clusterId, "clusters:read");
    const read = listResourceTable(scoped, { id: clusterId, ...ref }, { ...view, limit: TABLE_FIRST_PAGE_ROWS });
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), DEADLINE_MS);
    });
    read.catch(() => undefined); // a late failure has nobody to tell
    const table = await Promise.race([read, late]);
    return table ? { view, table } : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
