import type { KubeObject } from "../store/kube-types";

// Like kube-apiserver's watch cache (cachingObject), a stored object is serialised once and
// its JSON reused by every list, get and watch event that carries it. Stored objects are
// never mutated after commit (a write commits a new object), so identity is the cache key;
// objects made per request (events.k8s.io conversions) simply are not found again.
const encoded = new WeakMap<object, string>();

/** JSON text of one object, serialised at most once per committed version. */
export function objectJson(obj: KubeObject): string {
  let text = encoded.get(obj);
  if (text === undefined) {
    text = JSON.stringify(obj);
    encoded.set(obj, text);
  }
  return text;
}

/** JSON text of a `<Kind>List` built from cached item encodings. */
export function listJson(kind: string, apiVersion: string, metadata: unknown, items: KubeObject[]): string {
  const head = JSON.stringify({ kind, apiVersion, metadata });
  return `${head.slice(0, -1)},"items":[${items.map(objectJson).join(",")}]}`;
}

/** One watch event line (without the newline). */
export function watchEventJson(type: string, obj: KubeObject): string {
  return `{"type":${JSON.stringify(type)},"object":${objectJson(obj)}}`;
}
