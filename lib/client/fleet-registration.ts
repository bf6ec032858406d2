import type { TApproveRegistration, TCreatedFleetToken, TFleetRegistration, TFleetToken } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { apiFetch } from "./api-client";

export const fleetRegistrationKeys = {
  tokens: () => ["fleet-tokens"] as const,
  registrations: () => ["fleet-registrations"] as const,
};

/** The body of POST /api/v1/fleet-tokens as the form sends it. */
export interface TFleetTokenInput {
  name: string;
  expiresInHours: number;
  maxUses: number | null;
  labelTemplate: string;
  nameTemplate: string;
  requireApproval: boolean;
}

export const fetchFleetTokens = (signal?: AbortSignal) => apiFetch<{ items: TFleetToken[] }>("/api/v1/fleet-tokens", { signal });
export const createFleetToken = (body: TFleetTokenInput) => apiFetch<TCreatedFleetToken>("/api/v1/fleet-tokens", { method: "POST", body });
export const revokeFleetToken = (id: string) => apiFetch<TFleetToken>(`/api/v1/fleet-tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
export const fetchFleetRegistrations = (signal?: AbortSignal) => apiFetch<{ items: TFleetRegistration[] }>("/api/v1/fleet-registrations", { signal });
export const approveFleetRegistration = (id: string, body: TApproveRegistration) => apiFetch<TFleetRegistration>(`/api/v1/fleet-registrations/${encodeURIComponent(id)}/approve`, { method: "POST", body });
export const rejectFleetRegistration = (id: string) => apiFetch<TFleetRegistration>(`/api/v1/fleet-registrations/${encodeURIComponent(id)}/reject`, { method: "POST" });
