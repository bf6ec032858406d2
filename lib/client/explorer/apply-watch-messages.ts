import { rowOf } from "@/lib/shared/explorer/resource-rows";
import type { TKubeList, TKubeObject, TWatchMessage } from "@/lib/shared/explorer/explorer.schema";

function keyOf(obj: TKubeObject): string {
  return `${obj.metadata?.namespace ?? ""}/${obj.metadata?.name ?? ""}`;
}

/**
 * Folds SSE watch messages into a cached list (pure; the hook calls it inside
 * setQueryData): a snapshot replaces the items, a change upserts or removes one object,
 * a status sets `stale` and `error`. Rows are recomputed for the objects that changed.
 */
export function applyWatchMessages(list: TKubeList, messages: readonly TWatchMessage[], now: number): TKubeList {
  let items = list.items;
  let index: Map<string, number> | undefined;
  let { stale, error, resourceVersion } = list;
  const toItem = (object: TKubeObject) => ({ ...rowOf(list.resource, object, now), object }) as TKubeList["items"][number];
  for (const message of messages) {
    if (message.type === "snapshot") {
      items = message.items.map(toItem);
      index = undefined;
      resourceVersion = message.resourceVersion;
    } else if (message.type === "change") {
      if (items === list.items) items = [...items];
      index ??= new Map(items.map((item, i) => [keyOf(item.object), i]));
      const key = keyOf(message.object);
      const at = index.get(key);
      if (message.event === "DELETED") {
        if (at !== undefined) {
          items.splice(at, 1);
          index = undefined;
        }
      } else if (at !== undefined) {
        items[at] = toItem(message.object);
      } else {
        index.set(key, items.length);
        items.push(toItem(message.object));
      }
      resourceVersion = message.resourceVersion;
    } else {
      stale = !message.live;
      error = message.live ? null : message.error;
    }
  }
  return { ...list, items, stale, error, resourceVersion };
}
