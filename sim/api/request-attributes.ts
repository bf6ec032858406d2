import type { RequestAttributes } from "../rbac/policy-rule";

const METHOD_VERBS: Record<string, string> = { POST: "create", GET: "get", HEAD: "get", PUT: "update", PATCH: "patch", DELETE: "delete" };
/** Sub-paths of /namespaces/{name} that are subresources of the namespace itself. */
const NAMESPACE_SUBRESOURCES = new Set(["status", "finalize"]);

function segments(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

function metadataNameOf(fieldSelector: string | null): string {
  for (const term of (fieldSelector ?? "").split(",")) {
    const m = term.trim().match(/^metadata\.name(?:==?)(.+)$/);
    if (m?.[1] && /^[a-z0-9]([-a-z0-9.:]*[a-z0-9])?$/.test(m[1])) return m[1];
  }
  return "";
}

/**
 * The authorizer's view of a request, from its method, path and query alone (kube-apiserver's
 * RequestInfoFactory): authorisation runs before routing, so an unknown resource is still a
 * resource request and is refused before it could be answered 404.
 */
export function requestAttributes(method: string, path: string, query: URLSearchParams): RequestAttributes {
  const all = segments(path);
  const nonResource: RequestAttributes = { resourceRequest: false, verb: method.toLowerCase(), path };
  if (all.length < 3 || (all[0] !== "api" && all[0] !== "apis")) return nonResource;
  let parts = all.slice(1);
  let group = "";
  if (all[0] === "apis") {
    if (parts.length < 3) return nonResource;
    group = parts[0] ?? "";
    parts = parts.slice(1);
  }
  parts = parts.slice(1); // the version
  let verb = METHOD_VERBS[method] ?? "";
  let proxyVerb = false;
  if (parts[0] === "watch" || parts[0] === "proxy") {
    if (parts.length < 2) return { resourceRequest: true, verb: "", group, resource: "", subresource: "", namespace: "", name: "" };
    verb = parts[0];
    proxyVerb = parts[0] === "proxy";
    parts = parts.slice(1);
  }
  let namespace = "";
  if (parts[0] === "namespaces" && parts.length > 1) {
    namespace = parts[1] ?? "";
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] ?? "")) parts = parts.slice(2);
  }
  const resource = parts[0] ?? "";
  let name = parts[1] ?? "";
  const subresource = parts.length >= 3 && !proxyVerb ? (parts[2] ?? "") : "";
  if (!name && verb === "get") {
    const watch = query.get("watch");
    verb = watch === "true" || watch === "1" ? "watch" : "list";
    name = metadataNameOf(query.get("fieldSelector"));
  } else if (!name && verb === "delete") verb = "deletecollection";
  return { resourceRequest: true, verb, group, resource, subresource, namespace, name };
}

/** How an authorisation request reads in an apiserver Forbidden message. */
export function forbiddenMessage(username: string, a: RequestAttributes): string {
  if (!a.resourceRequest) return `forbidden: User ${JSON.stringify(username)} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const what = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : "at the cluster scope";
  const detail = `User ${JSON.stringify(username)} cannot ${a.verb} resource ${JSON.stringify(what)} in API group ${JSON.stringify(a.group)} ${scope}`;
  const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
  if (!a.resource) return `forbidden: ${detail}`;
  return a.name ? `${qualified} ${JSON.stringify(a.name)} is forbidden: ${detail}` : `${qualified} is forbidden: ${detail}`;
}
