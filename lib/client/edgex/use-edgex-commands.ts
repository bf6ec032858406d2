"use client";

import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TEdgexReadResult, TEdgexSetResult } from "@/lib/shared/edgex/edgex-detail.schema";
import { edgexUrl } from "./edgex-keys";

/** Runs a read (GET) command on demand: values are read from the device when asked, not polled. */
export function useEdgexReadCommand(clusterId: string, device: string, command: string) {
  return useMutation({
    mutationFn: () => apiFetch<TEdgexReadResult>(edgexUrl(clusterId, "devices", device, "commands", command)),
  });
}

/** Runs a set (PUT) command; the server validates against the profile and audits it. */
export function useEdgexSetCommand(clusterId: string, device: string, command: string) {
  return useMutation({
    mutationFn: (values: Record<string, string | number | boolean>) =>
      apiFetch<TEdgexSetResult>(edgexUrl(clusterId, "devices", device, "commands", command), { method: "PUT", body: { values } }),
  });
}
