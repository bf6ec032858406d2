import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { labelSelectorMatches } from "@/lib/shared/explorer/label-selector";
import { can, capRole, CLUSTER_PERMISSIONS, strongestRole, type TPermission } from "@/lib/shared/permissions";
import type { TRole } from "@/lib/shared/users/users.schema";
import type { Principal, PrincipalAccess } from "../auth/principal";
import { labelsOf } from "../bundles/list-target-clusters";
import { prisma } from "../db/prisma";
import { forbidden } from "../http/api-error";

/**
 * THE place that decides which clusters a principal reaches and with which role. Every path
 * that reads or acts on a cluster goes through it: `defineRoute` for every route under
 * `/api/v1/clusters/{id}` and `/api/v1/fleet/clusters/{id}`, the kubectl passthrough, pod
 * shells, the cluster pages; every fleet-wide read (cluster list, fleet table, summary,
 * stream, search, inventory, alerts, kubeconfig, bundles) filters by `clusterScopeOf`.
 */

/** Clusters a principal reaches: all, or exactly these ids. */
export type ClusterScope = { all: true } | { all: false; ids: string[] };

export const ALL_CLUSTERS: ClusterScope = { all: true };

type Selection = { clusterSelector: string | null; clusterIds: string[] };

function selects(group: Selection, cluster: { id: string; labels: Record<string, string> }): boolean {
  return group.clusterSelector === null ? group.clusterIds.includes(cluster.id) : labelSelectorMatches(group.clusterSelector, cluster.labels);
}

function groupIdsOf(access: PrincipalAccess): string[] {
  return [...new Set([...access.grants.map((g) => g.clusterGroupId), ...(access.narrowTo ? [access.narrowTo] : [])])];
}

async function loadGroups(ids: string[]): Promise<Map<string, Selection>> {
  const rows = await prisma.clusterGroup.findMany({ where: { id: { in: ids } }, select: { id: true, clusterSelector: true, clusterIds: true } });
  return new Map(rows.map((g) => [g.id, g]));
}

type Labeled = { id: string; labels: Record<string, string> };

/** The principal's role on each of `clusters` (`null` = out of scope), with one query for the groups involved. */
export async function clusterRolesOf(principal: Pick<Principal, "access">, clusters: Labeled[]): Promise<Map<string, TRole | null>> {
  const a = principal.access;
  if (a.grants.length === 0 && a.narrowTo === null) return new Map(clusters.map((c) => [c.id, capRole(a.globalRole, a.readOnly)]));
  const groups = await loadGroups(groupIdsOf(a));
  const narrow = a.narrowTo !== null ? groups.get(a.narrowTo) : undefined;
  return new Map(
    clusters.map((cluster) => {
      if (a.narrowTo !== null && (!narrow || !selects(narrow, cluster))) return [cluster.id, null];
      const scoped = a.grants.filter((g) => {
        const group = groups.get(g.clusterGroupId);
        return group !== undefined && selects(group, cluster);
      });
      return [cluster.id, capRole(strongestRole([a.globalRole, ...scoped.map((g) => g.role)]), a.readOnly)];
    }),
  );
}

/** The principal's role on one cluster (`null` = out of scope). No query without scoped grants or narrowing. */
export async function clusterRoleOf(principal: Pick<Principal, "access">, clusterId: string): Promise<TRole | null> {
  const a = principal.access;
  if (a.grants.length === 0 && a.narrowTo === null) return capRole(a.globalRole, a.readOnly);
  const row = await prisma.cluster.findUnique({ where: { id: clusterId }, select: { id: true, labels: true } });
  // An unknown cluster: a global role lets the route answer its own 404; nothing else may learn it.
  if (!row) return a.narrowTo === null ? capRole(a.globalRole, a.readOnly) : null;
  return (await clusterRolesOf(principal, [{ id: row.id, labels: labelsOf(row.labels) }])).get(row.id) ?? null;
}

/** Every cluster the principal reaches. Without scoped grants or narrowing: all, with no query. */
export async function clusterScopeOf(principal: Pick<Principal, "access">): Promise<ClusterScope> {
  const a = principal.access;
  if (a.narrowTo === null && a.globalRole !== null) return ALL_CLUSTERS;
  const ids = groupIdsOf(a);
  if (ids.length === 0) return { all: false, ids: [] };
  const groups = await loadGroups(ids);
  const needsLabels = [...groups.values()].some((g) => g.clusterSelector !== null) || a.globalRole !== null;
  const clusters = needsLabels
    ? (await prisma.cluster.findMany({ select: { id: true, labels: true } })).map((c) => ({ id: c.id, labels: labelsOf(c.labels) }))
    : [...new Set([...groups.values()].flatMap((g) => g.clusterIds))].map((id) => ({ id, labels: {} }));
  const narrow = a.narrowTo !== null ? groups.get(a.narrowTo) : undefined;
  if (a.narrowTo !== null && !narrow) return { all: false, ids: [] };
  const inScope = clusters.filter((c) => {
    if (narrow && !selects(narrow, c)) return false;
    if (a.globalRole !== null) return true;
    return a.grants.some((g) => {
      const group = groups.get(g.clusterGroupId);
      return group !== undefined && selects(group, c);
    });
  });
  return { all: false, ids: inScope.map((c) => c.id) };
}

/**
 * The principal as it acts on one cluster: `role` becomes its role there, so everything
 * downstream (impersonation group `outpost:<role>`, the viewer gate of the passthrough,
 * per-action checks) reflects the scope. 403 when the cluster is out of scope or the role
 * there lacks `permission`. Console-wide permissions (e.g. `clusters:write`) need the global role.
 */
export async function scopeToCluster(principal: Principal, clusterId: string, permission: TPermission): Promise<Principal & { role: TRole }> {
  if (!CLUSTER_PERMISSIONS.has(permission)) {
    if (principal.role === null || !can(principal.role, permission)) throw forbidden("Your role does not allow this");
    return { ...principal, role: principal.role };
  }
  const role = await clusterRoleOf(principal, clusterId);
  if (role === null) throw forbidden(`Cluster "${clusterId}" is outside your access`);
  if (!can(role, permission)) throw forbidden("Your role on this cluster does not allow this");
  return { ...principal, role };
}

/** True when `clusterId` is in `scope`. */
export function inScope(scope: ClusterScope, clusterId: string): boolean {
  return scope.all || scope.ids.includes(clusterId);
}

/** A Prisma filter on clusters' ids for `scope` (empty when all). */
export function clusterIdWhere(scope: ClusterScope): { id?: { in: string[] } } {
  return scope.all ? {} : { id: { in: scope.ids } };
}

/** `AND <column> = ANY(ids)` for raw SQL (empty when all). */
export function clusterIdSql(scope: ClusterScope, column: Prisma.Sql): Prisma.Sql {
  return scope.all ? Prisma.empty : Prisma.sql`AND ${column} = ANY(${scope.ids}::text[])`;
}
