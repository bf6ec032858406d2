"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * false on the server and while React hydrates the server's HTML, true from the first
 * render after that (and at once for a component first rendered in the browser).
 *
 * A query cache is shared by the whole page, and a component inside a `<Suspense>` boundary
 * hydrates later than the components outside it (when its code arrives). If one of those
 * already fetched a query this component also reads, the component would hydrate with data
 * the server never rendered: React's error #418 and a page rebuilt from scratch. Such a
 * component renders the shared query's data only once `useHydrated()` is true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
