"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * How many children of a list fit inside it without being cut at the bottom (names wrap
 * differently per locale and font), measured when the list resizes and after `content`
 * changes; the caller hides the rest and says how many more there are.
 */
export function useFittingCount(list: RefObject<HTMLElement | null>, initial: number, content: unknown): number {
  const [fits, setFits] = useState(initial);
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const measure = () => {
      const bottom = el.getBoundingClientRect().bottom;
      let n = 0;
      for (const child of Array.from(el.children)) {
        if (child.getBoundingClientRect().bottom > bottom + 0.5) break;
        n++;
      }
      setFits((prev) => (prev === n ? prev : n));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const frame = requestAnimationFrame(measure);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [list, content]);
  return fits;
}
