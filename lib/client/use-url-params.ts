"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";

function sameParams(a: URLSearchParams, b: URLSearchParams): boolean {
  const sorted = (p: URLSearchParams) => [...p.entries()].map(([k, v]) => `${k}=${v}`).sort().join("&");
  return sorted(a) === sorted(b);
}

/**
 * A page's state kept in its URL (so a link shares exactly this view): the current search
 * params, and `setParams` that merges changes (an empty value removes the key) and replaces
 * the URL. router.replace lands asynchronously (later still on a busy machine), so changes
 * made meanwhile merge into the parameters last asked for, not into the URL as it still reads;
 * once the URL has them, changes merge into the address bar as it reads at that moment.
 */
export function useUrlParams(): { params: ReturnType<typeof useSearchParams>; setParams: (next: Record<string, string | undefined>) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    if (pending.current && sameParams(pending.current, params)) pending.current = null;
  }, [params]);
  // Reads the address bar at call time, not this render's params: a debounced input calls
  // the setParams of the render that started its timer, and the URL may have changed since.
  const setParams = useCallback(
    (next: Record<string, string | undefined>) => {
      const merged = new URLSearchParams((pending.current ?? new URLSearchParams(window.location.search)).toString());
      for (const [k, v] of Object.entries(next)) {
        if (v) merged.set(k, v);
        else merged.delete(k);
      }
      pending.current = merged;
      router.replace(`${pathname}${merged.size ? `?${merged.toString()}` : ""}`, { scroll: false });
    },
    [pathname, router],
  );
  return { params, setParams };
}
