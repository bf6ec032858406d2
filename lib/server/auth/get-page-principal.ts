import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authenticateRequest } from "./authenticate-request";
import type { Principal } from "./principal";
import { clusterRoleOf } from "../access/cluster-scope";

/** The layouts and the page of one render ask once (the session and role bindings are read once per request). */
const authenticatePage = cache(async (): Promise<Principal | null> => authenticateRequest(await headers()));

/**
 * The signed-in user of a page request. Redirects to /login when there is none, and to the
 * password change page while the user must change their password.
 */
export async function requirePagePrincipal(opts: { allowDuringPasswordChange?: boolean } = {}): Promise<Principal> {
  const principal = await authenticatePage();
  if (!principal) redirect("/login");
  if (principal.mustChangePassword && !opts.allowDuringPasswordChange) redirect("/change-password");
  return principal;
}

export async function optionalPagePrincipal(): Promise<Principal | null> {
  return authenticatePage();
}

/**
 * The signed-in user of a page of one cluster, with `role` = their role on that cluster
 * (scoped role bindings; `null` when the cluster is out of their scope — the cluster layout
 * then shows that instead of the page).
 */
export async function requireClusterPagePrincipal(clusterId: string): Promise<Principal> {
  const principal = await requirePagePrincipal();
  return { ...principal, role: await clusterRoleOf(principal, clusterId) };
}
