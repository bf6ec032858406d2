import type { TRoleBinding, TRoleBindingInput } from "@/lib/shared/access/role-bindings.schema";
import { apiFetch } from "./api-client";

export const roleBindingKeys = { all: () => ["role-bindings"] as const };

export const fetchRoleBindings = () => apiFetch<{ items: TRoleBinding[] }>("/api/v1/role-bindings");
export const createRoleBinding = (body: TRoleBindingInput) => apiFetch<TRoleBinding>("/api/v1/role-bindings", { method: "POST", body });
export const deleteRoleBinding = (id: string) => apiFetch<{ ok: true }>(`/api/v1/role-bindings/${encodeURIComponent(id)}`, { method: "DELETE" });
