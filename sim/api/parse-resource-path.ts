import { ApiError } from "./status";
import type { ResourceRegistry, ResourceType } from "../store/resource-registry";

/** A request path resolved to a resource type, namespace, name and subresource. */
export interface ResourcePath {
  type: ResourceType;
  group: string;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** Path segments after the subresource (service/node proxy paths). */
  rest: string[];
  /** Legacy `/watch/` prefix. */
  watchPrefix: boolean;
}

export type ParsedPath =
  | { kind: "resource"; path: ResourcePath }
  | { kind: "unknown-resource"; group: string; version: string; resource: string }
  | { kind: "none" };

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new ApiError(400, `invalid path segment ${JSON.stringify(s.slice(0, 64))}`);
  }
}

/** Resolves `/api/v1/...` and `/apis/<g>/<v>/...` paths against the cluster's registry. */
export function parseResourcePath(pathname: string, registry: ResourceRegistry): ParsedPath {
  const segs = pathname.split("/").filter((s) => s.length > 0).map(safeDecode);
  let group: string;
  let version: string;
  let i: number;
  if (segs[0] === "api" && segs.length >= 3) {
    group = "";
    version = segs[1] ?? "";
    i = 2;
  } else if (segs[0] === "apis" && segs.length >= 4) {
    group = segs[1] ?? "";
    version = segs[2] ?? "";
    i = 3;
  } else return { kind: "none" };
  let watchPrefix = false;
  if (segs[i] === "watch") {
    watchPrefix = true;
    i++;
  }
  let rest = segs.slice(i);
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3) {
    const nsType = registry.lookup(group, version, rest[2] ?? "");
    if (nsType?.namespaced) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
  }
  const plural = rest[0] ?? "";
  const type = registry.lookup(group, version, plural);
  if (!type) return { kind: "unknown-resource", group, version, resource: plural };
  return {
    kind: "resource",
    path: { type, group, version, namespace, name: rest[1], subresource: rest[2], rest: rest.slice(3), watchPrefix },
  };
}
