"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { TFleetClustersPage, TFleetStreamEvents } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { applyDeltaToPage } from "./apply-fleet-delta";
import { fleetKeys } from "./fleet-keys";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "closed";

export interface FleetStreamHandlers {
  onInit?: (data: TFleetStreamEvents["init"]) => void;
  onDelta?: (data: TFleetStreamEvents["delta"]) => void;
}

/**
 * Subscribes to GET /api/v1/fleet/stream and writes what arrives into the query cache:
 * the summary, and changed rows into every cached page of the cluster list. `rows: "all"`
 * also delivers the whole fleet in `init` (kiosk). EventSource reconnects by itself; a
 * stream closed for good (session ended) is reported as "closed".
 */
export function useFleetStream(rows: "changes" | "all", handlers: FleetStreamHandlers = {}): { status: StreamStatus; lastMessageAt: number | null } {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const [lastMessageAt, setLastMessageAt] = useState<number | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const source = new EventSource(`/api/v1/fleet/stream?rows=${rows}`);
    const patchPages = (changed: TFleetCluster[], removed: string[]) =>
      queryClient.setQueriesData<TFleetClustersPage>({ queryKey: fleetKeys.clustersAll() }, (page) => applyDeltaToPage(page, changed, removed));
    source.addEventListener("init", (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as TFleetStreamEvents["init"];
      queryClient.setQueryData(fleetKeys.summary(), data.summary);
      setStatus("live");
      setLastMessageAt(Date.now());
      handlersRef.current.onInit?.(data);
    });
    source.addEventListener("delta", (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as TFleetStreamEvents["delta"];
      queryClient.setQueryData(fleetKeys.summary(), data.summary);
      patchPages(data.changed, data.removed);
      setStatus("live");
      setLastMessageAt(Date.now());
      handlersRef.current.onDelta?.(data);
    });
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting");
    return () => source.close();
  }, [rows, queryClient]);

  return { status, lastMessageAt };
}
