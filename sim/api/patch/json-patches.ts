import { ApiError } from "../status";
import { isRecord } from "../../store/kube-types";

/** RFC 7386 JSON merge patch (returns a new value; inputs untouched). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function unescape(tok: string): string {
  return tok.replace(/~1/g, "/").replace(/~0/g, "~");
}

function parsePointer(p: unknown): string[] {
  if (typeof p !== "string" || (p !== "" && !p.startsWith("/"))) throw new ApiError(422, `invalid JSON pointer ${JSON.stringify(p)}`, "Invalid");
  return p === "" ? [] : p.slice(1).split("/").map(unescape);
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function getAt(doc: unknown, path: string[]): unknown {
  let cur = doc;
  for (const tok of path) {
    if (Array.isArray(cur)) cur = cur[Number(tok)];
    else if (isRecord(cur)) cur = cur[tok];
    else return undefined;
  }
  return cur;
}

function container(doc: unknown, path: string[]): { parent: unknown; key: string } {
  const parent = getAt(doc, path.slice(0, -1));
  if (parent === undefined) throw new ApiError(422, `the server rejected our request due to an error in our request: doc is missing path: "/${path.join("/")}"`, "Invalid");
  return { parent, key: path[path.length - 1] ?? "" };
}

function add(doc: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const { parent, key } = container(doc, path);
  if (Array.isArray(parent)) {
    const i = key === "-" ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new ApiError(422, `add operation does not apply: index ${key} out of bounds`, "Invalid");
    parent.splice(i, 0, value);
  } else if (isRecord(parent)) parent[key] = value;
  else throw new ApiError(422, "add operation does not apply: parent is not a container", "Invalid");
  return doc;
}

function remove(doc: unknown, path: string[]): unknown {
  const { parent, key } = container(doc, path);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!(i >= 0 && i < parent.length)) throw new ApiError(422, `remove operation does not apply: doc is missing path: "/${path.join("/")}"`, "Invalid");
    parent.splice(i, 1);
  } else if (isRecord(parent) && key in parent) delete parent[key];
  else throw new ApiError(422, `remove operation does not apply: doc is missing path: "/${path.join("/")}"`, "Invalid");
  return doc;
}

/** RFC 6902 JSON patch; throws 422 on a failing operation or test. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new ApiError(400, "json patch must be an array of operations");
  let doc = clone(target);
  for (const op of ops) {
    if (!isRecord(op)) throw new ApiError(400, "json patch operation must be an object");
    const path = parsePointer(op.path);
    switch (op.op) {
      case "add": doc = add(doc, path, clone(op.value)); break;
      case "remove": doc = remove(doc, path); break;
      case "replace": doc = remove(doc, path); doc = add(doc, path, clone(op.value)); break;
      case "move": { const from = parsePointer(op.from); const v = getAt(doc, from); doc = remove(doc, from); doc = add(doc, path, v); break; }
      case "copy": { const v = clone(getAt(doc, parsePointer(op.from))); doc = add(doc, path, v); break; }
      case "test":
        if (JSON.stringify(getAt(doc, path)) !== JSON.stringify(op.value)) throw new ApiError(422, `testing value /${path.join("/")} failed`, "Invalid");
        break;
      default: throw new ApiError(400, `Unexpected kind: ${String(op.op)}`);
    }
  }
  return doc;
}
