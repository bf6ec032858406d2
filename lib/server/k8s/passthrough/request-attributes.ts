import "server-only";

/** What a Kubernetes API request does, derived like the apiserver's RequestInfo. */
export interface RequestAttributes {
  /** get, list, watch, create, update, patch, delete, deletecollection — or the HTTP method, lower case, for non-resource paths. */
  verb: string;
  resourceRequest: boolean;
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
}

function truthy(value: string | null): boolean {
  return value === "true" || value === "1";
}

/**
 * Derives verb, resource, namespace and name from method + path + query, following
 * k8s.io/apiserver/pkg/endpoints/request.RequestInfoFactory: `/api/v1/...` and
 * `/apis/<group>/<version>/...`, an optional `watch/` prefix, `namespaces/<ns>/<resource>`,
 * then `<name>/<subresource>`. GET of a collection is list, or watch with `?watch=true`.
 */
export function requestAttributes(method: string, path: string, query: URLSearchParams): RequestAttributes {
  const parts = path.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  const none = { resourceRequest: false, group: "", resource: "", subresource: "", namespace: "", name: "" };
  let rest: string[];
  let group = "";
  if (parts[0] === "api" && parts.length >= 3) rest = parts.slice(2);
  else if (parts[0] === "apis" && parts.length >= 4) {
    group = parts[1]!;
    rest = parts.slice(3);
  } else {
    // Non-resource paths: /version, /openapi/v3, /healthz, discovery roots.
    return { ...none, verb: method === "GET" || method === "HEAD" ? "get" : method.toLowerCase() };
  }
  let watch = false;
  if (rest[0] === "watch") {
    watch = true;
    rest = rest.slice(1);
  }
  let namespace = "";
  if (rest[0] === "namespaces" && rest.length >= 3) {
    namespace = rest[1]!;
    rest = rest.slice(2);
  } else if (rest[0] === "namespaces" && rest.length === 2) {
    namespace = rest[1]!;
  }
  const [resource = "", name = "", subresource = ""] = rest;
  let verb: string;
  switch (method) {
    case "GET":
    case "HEAD":
      verb = name ? "get" : watch || truthy(query.get("watch")) ? "watch" : "list";
      if (watch && name) verb = "watch";
      break;
    case "POST":
      verb = "create";
      break;
    case "PUT":
      verb = "update";
      break;
    case "PATCH":
      verb = "patch";
      break;
    case "DELETE":
      verb = name ? "delete" : "deletecollection";
      break;
    default:
      verb = method.toLowerCase();
  }
  return { verb, resourceRequest: true, group, resource, subresource, namespace, name };
}

const READ_VERBS = new Set(["get", "list", "watch"]);
// Reads in name only: a shell, an attached terminal, a tunnel into the pod or through a service.
const ACTIVE_SUBRESOURCES = new Set(["exec", "attach", "portforward", "proxy"]);
// Creating these asks "what may I do / who am I" and changes nothing (kubectl auth can-i / whoami).
const SELF_REVIEWS = new Set(["selfsubjectaccessreviews", "selfsubjectrulesreviews", "selfsubjectreviews"]);

/**
 * The console's own gate in front of the cluster's RBAC: a viewer may only get, list and
 * watch (and ask self-reviews). exec/attach/port-forward/proxy are refused to viewers even
 * when sent as GET (WebSocket exec is a GET upgrade).
 */
export function viewerMay(attrs: RequestAttributes, upgrade: boolean): boolean {
  if (upgrade || ACTIVE_SUBRESOURCES.has(attrs.subresource)) return false;
  if (attrs.verb === "create" && SELF_REVIEWS.has(attrs.resource) && !attrs.namespace) return true;
  return READ_VERBS.has(attrs.verb);
}

/** True for requests that change something (audited). */
export function isMutating(attrs: RequestAttributes, upgrade: boolean): boolean {
  if (upgrade) return true;
  // A shell or attach may change anything; a GET through a proxy is a read.
  if (attrs.subresource === "exec" || attrs.subresource === "attach" || attrs.subresource === "portforward") return true;
  if (attrs.verb === "create" && SELF_REVIEWS.has(attrs.resource)) return false;
  return !READ_VERBS.has(attrs.verb);
}
