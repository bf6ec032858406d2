import "server-only";

/** What a Kubernetes API request does, derived like the apiserver's RequestInfo. */
export interface RequestAttributes {
  /** get, list, watch, proxy, create, update, patch, delete, deletecollection ("" for other methods) — or the HTTP method, lower case, for non-resource paths. */
  verb: string;
  resourceRequest: boolean;
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
}

/**
 * Percent-decodes a URL path the way Go's net/url does for `URL.Path` (what kube-apiserver
 * reads): every `%XX` becomes its byte — `%2F` included, so `pods/x%2Fexec` is the path
 * `pods/x/exec` — and `+` stays `+`. A malformed escape (`%zz`, a lone `%`) makes the whole
 * request invalid (Go's server answers 400), here `null`.
 */
export function decodeKubePath(raw: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25) {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else bytes.push(...Buffer.from(raw[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

// The apiserver's fixed sets (k8s.io/apiserver/pkg/endpoints/request/requestinfo.go).
const SPECIAL_VERBS = new Set(["proxy", "watch"]);
const SPECIAL_VERBS_NO_SUBRESOURCES = new Set(["proxy"]);
const NAMESPACE_SUBRESOURCES = new Set(["status", "finalize"]);
const METHOD_VERBS: Record<string, string> = { POST: "create", GET: "get", HEAD: "get", PUT: "update", PATCH: "patch", DELETE: "delete" };

// ListOptions' `watch` is a Go bool; a value that does not parse counts as true unless "false"/"0".
function watchRequested(query: URLSearchParams): boolean {
  const value = query.get("watch");
  if (value === null) return false;
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return !["false", "0"].includes(value.toLowerCase());
}

/**
 * Derives verb, resource, subresource, namespace and name from method + *decoded* path +
 * query exactly like kube-apiserver's RequestInfoFactory: split the decoded path on `/`
 * (ends trimmed, inner empty segments kept), prefixes `api` (groupless) and `apis`, the
 * special verbs `watch`/`proxy`, `namespaces/<ns>` unless followed by `status`/`finalize`,
 * then `<resource>/<name>/<subresource>`; a nameless get is list or watch, a nameless
 * delete deletecollection. `path` must already be decoded (decodeKubePath).
 */
export function requestAttributes(method: string, path: string, query: URLSearchParams): RequestAttributes {
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  let parts = trimmed === "" ? [] : trimmed.split("/");
  const nonResource: RequestAttributes = { verb: method.toLowerCase(), resourceRequest: false, group: "", resource: "", subresource: "", namespace: "", name: "" };
  if (parts.length < 3 || (parts[0] !== "api" && parts[0] !== "apis")) return nonResource;
  let group = "";
  if (parts[0] === "apis") {
    if (parts.length < 4) return nonResource;
    group = parts[1]!;
    parts = parts.slice(3);
  } else parts = parts.slice(2);

  let verb: string;
  if (SPECIAL_VERBS.has(parts[0]!)) {
    // "/api/v1/watch" alone is an error for the apiserver; nothing of it is readable.
    if (parts.length < 2) return { ...nonResource, verb: "", resourceRequest: true, group };
    verb = parts[0]!;
    parts = parts.slice(1);
  } else verb = METHOD_VERBS[method] ?? "";

  let namespace = "";
  if (parts[0] === "namespaces" && parts.length > 1) {
    namespace = parts[1]!;
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2]!)) parts = parts.slice(2);
  }
  const resource = parts[0] ?? "";
  const name = parts[1] ?? "";
  const subresource = parts.length >= 3 && !SPECIAL_VERBS_NO_SUBRESOURCES.has(verb) ? parts[2]! : "";
  if (!name && verb === "get") verb = watchRequested(query) ? "watch" : "list";
  if (!name && verb === "delete") verb = "deletecollection";
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
  if (upgrade || ACTIVE_SUBRESOURCES.has(attrs.subresource) || attrs.verb === "proxy") return false;
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
