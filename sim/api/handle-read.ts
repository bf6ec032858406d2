import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClusterState } from "../cluster/cluster-state";
import type { KubeObject } from "../store/kube-types";
import { objectKey } from "../store/object-store";
import { apiVersionOf, type ResourceType } from "../store/resource-registry";
import { fieldLabelsOf } from "../store/field-labels";
import { fieldMatcher, labelMatcher, SelectorError, type Matcher } from "../store/selectors";
import { buildTable, includeObjectOf } from "./build-table";
import { toEventsV1 } from "./convert-event";
import { listJson, objectJson } from "./encode-json";
import { sendJson, sendJsonText, wantsTable } from "./http-io";
import type { ResourcePath } from "./parse-resource-path";
import { ApiError, notFound } from "./status";

/** The served representation of a stored object (events.k8s.io converts). */
export function present(t: ResourceType, obj: KubeObject): KubeObject {
  return t.group === "events.k8s.io" ? toEventsV1(obj) : obj;
}

/**
 * Compiles labelSelector + fieldSelector of a request on type `t`: 400 BadRequest on bad
 * syntax and, in the apiserver's words, on a field label the kind does not support.
 */
export function selectorsOf(q: URLSearchParams, t: ResourceType): Matcher {
  try {
    const l = labelMatcher(q.get("labelSelector"));
    const f = fieldMatcher(q.get("fieldSelector"), fieldLabelsOf(t));
    return (o) => l(o) && f(o);
  } catch (e) {
    if (e instanceof SelectorError) throw new ApiError(400, e.message);
    throw e;
  }
}

/** GET of one object (JSON or Table). */
export function handleGet(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams): void {
  const t = p.type;
  const obj = cluster.store.get(t.storage, t.namespaced ? p.namespace : undefined, p.name ?? "");
  if (!obj || (t.namespaced && !p.namespace)) throw notFound(t.plural, t.group, p.name ?? "");
  const out = present(t, obj);
  if (wantsTable(req)) return sendJson(res, 200, buildTable(cluster, t, [out], includeObjectOf(q), { resourceVersion: obj.metadata.resourceVersion }), "application/json;as=Table;v=v1;g=meta.k8s.io");
  sendJsonText(res, 200, objectJson(out));
}

interface ContinueToken {
  rv: number;
  start: string;
}

function decodeContinue(s: string): ContinueToken {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as ContinueToken;
    if (typeof v.rv === "number" && typeof v.start === "string") return v;
  } catch {
    // fall through to the apiserver's wording
  }
  throw new ApiError(400, "continue key is not valid: illegal base64 data");
}

/** LIST with selectors and limit/continue pagination (JSON list or Table). */
export function handleList(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams): void {
  const t = p.type;
  const match = selectorsOf(q, t);
  const limit = Math.max(0, Number(q.get("limit") ?? "0") || 0);
  const cont = q.get("continue");
  const token = cont ? decodeContinue(cont) : undefined;
  const all = cluster.store.list(t.storage, t.namespaced ? p.namespace : undefined);
  const items: KubeObject[] = [];
  let next: string | undefined;
  let remaining = 0;
  for (const o of all) {
    const key = objectKey(o.metadata.namespace, o.metadata.name);
    if (token && key <= token.start) continue;
    if (!match(o)) continue;
    if (limit > 0 && items.length >= limit) {
      remaining++;
      continue;
    }
    items.push(present(t, o));
    if (limit > 0 && items.length === limit) next = key;
  }
  const rv = String(token?.rv ?? cluster.store.currentRv());
  const meta: { resourceVersion: string; continue?: string; remainingItemCount?: number } = { resourceVersion: rv };
  if (next && remaining > 0) {
    meta.continue = Buffer.from(JSON.stringify({ rv: Number(rv), start: next })).toString("base64url");
    meta.remainingItemCount = remaining;
  }
  if (wantsTable(req)) return sendJson(res, 200, buildTable(cluster, t, items, includeObjectOf(q), meta), "application/json;as=Table;v=v1;g=meta.k8s.io");
  sendJsonText(res, 200, listJson(`${t.kind}List`, apiVersionOf(t), meta, items));
}
