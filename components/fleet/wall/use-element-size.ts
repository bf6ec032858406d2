"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

/** The element's content size in whole CSS pixels, kept current by a ResizeObserver (null before the first measure). */
export function useElementSize<E extends HTMLElement>(): [RefObject<E | null>, { width: number; height: number } | null] {
  const ref = useRef<E>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.floor(entry.contentRect.width);
      const height = Math.floor(entry.contentRect.height);
      setSize((prev) => (prev && prev.width === width && prev.height === height ? prev : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
