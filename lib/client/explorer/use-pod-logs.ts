"use client";

import { useEffect, useState } from "react";
import { ApiClientError } from "@/lib/client/api-client";
import type { TApiErrorBody } from "@/lib/shared/api/error-codes";

export interface PodLogOptions {
  container: string;
  tailLines: number;
  follow: boolean;
  timestamps: boolean;
  previous: boolean;
}

/** Lines kept in the browser; older ones scroll away (the download has the full tail). */
export const MAX_LOG_LINES = 10_000;

/** The logs URL for the given options (also the download link, with `download=true`). */
export function podLogsUrl(clusterId: string, namespace: string, name: string, opts: PodLogOptions, download = false): string {
  const qs = new URLSearchParams({ tailLines: String(opts.tailLines) });
  if (opts.container) qs.set("container", opts.container);
  if (opts.follow && !download) qs.set("follow", "true");
  if (opts.timestamps) qs.set("timestamps", "true");
  if (opts.previous) qs.set("previous", "true");
  if (download) qs.set("download", "true");
  return `/api/v1/clusters/${encodeURIComponent(clusterId)}/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/logs?${qs.toString()}`;
}

/**
 * Streams a pod's log into state: fetch + a body reader, so a follow shows lines as they
 * arrive. Changing an option or leaving the page aborts the request, which ends the
 * upstream log stream on the server. `reload` restarts it (after an error, or a follow
 * the server ended).
 */
export function usePodLogs(clusterId: string, namespace: string, name: string, opts: PodLogOptions) {
  const [lines, setLines] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [streaming, setStreaming] = useState(false);
  const [generation, setGeneration] = useState(0);
  const url = podLogsUrl(clusterId, namespace, name, opts);

  useEffect(() => {
    const controller = new AbortController();
    let buffer = "";
    let pending: string[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      setLines((old) => {
        const next = old.concat(batch);
        return next.length > MAX_LOG_LINES ? next.slice(next.length - MAX_LOG_LINES) : next;
      });
    };
    const timer = setInterval(flush, 100);
    const run = async () => {
      setLines([]);
      setError(null);
      setStreaming(true);
      const res = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as Partial<TApiErrorBody>;
        throw new ApiClientError(res.status, body.error?.code ?? "internal", body.error?.message ?? `HTTP ${res.status}`);
      }
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const parts = buffer.split("\n");
        buffer = parts.pop() ?? "";
        pending.push(...parts);
      }
      if (buffer) pending.push(buffer);
    };
    run()
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      })
      .finally(() => {
        flush();
        if (!controller.signal.aborted) setStreaming(false);
      });
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [url, generation]);

  return { lines, error, streaming, reload: () => setGeneration((g) => g + 1) };
}
