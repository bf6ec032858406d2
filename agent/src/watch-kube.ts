import https from "node:https";
import type { KubeTarget } from "./load-kube-target";
import { requestKube } from "./request-kube";

/** An apiserver answer that is not 2xx (410 = the resourceVersion is too old: relist). */
export class KubeStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "KubeStatusError";
  }
}

export interface KubeWatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: Record<string, unknown>;
}

/**
 * GETs a watch with the agent's own credentials and calls `onEvent` for every line of the
 * stream. Resolves when the apiserver ends the watch (timeoutSeconds), rejects on a non-200
 * answer, an ERROR event (its code as the status), no byte for `inactivityMs` (bookmarks
 * arrive about once a minute) or an abort. `onOpen` runs when the apiserver accepted the watch.
 */
export function watchKube(target: KubeTarget, path: string, onEvent: (event: KubeWatchEvent) => void, signal: AbortSignal, inactivityMs = 90_000, onOpen?: () => void): Promise<void> {
  const authorization = target.authorization();
  return new Promise((resolve, reject) => {
    const req = https.request({
      protocol: "https:",
      hostname: target.url.hostname.replace(/^\[|\]$/g, ""),
      port: target.url.port || 443,
      method: "GET",
      path,
      signal,
      headers: { accept: "application/json", ...(authorization ? { authorization } : {}) },
      ...target.tls,
    });
    req.setTimeout(inactivityMs, () => req.destroy(new Error(`watch silent for ${inactivityMs} ms: ${path.split("?")[0]}`)));
    req.on("error", reject);
    req.on("response", (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new KubeStatusError(res.statusCode ?? 0, `watch ${path.split("?")[0]} answered ${res.statusCode}`));
        return;
      }
      onOpen?.();
      let buffered = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf("\n")) >= 0) {
          const line = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (!line) continue;
          let event: KubeWatchEvent;
          try {
            event = JSON.parse(line) as KubeWatchEvent;
          } catch {
            req.destroy(new Error(`watch ${path.split("?")[0]}: malformed event`));
            return;
          }
          if (event.type === "ERROR") {
            const code = Number((event.object as { code?: number }).code ?? 0);
            req.destroy(new KubeStatusError(code, `watch error: ${String((event.object as { message?: string }).message ?? code)}`));
            return;
          }
          onEvent(event);
        }
      });
      res.on("end", () => resolve());
      res.on("error", reject);
    });
    req.end();
  });
}

interface KubeList {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: Array<Record<string, unknown>>;
}

/** Lists a collection in pages of 500; returns the items and the list's resourceVersion. */
export async function listKube(target: KubeTarget, path: string, query: string, timeoutMs: number): Promise<{ items: Record<string, unknown>[]; resourceVersion: string | undefined }> {
  const items: Record<string, unknown>[] = [];
  let cont: string | undefined;
  let resourceVersion: string | undefined;
  do {
    const params = new URLSearchParams(query);
    params.set("limit", "500");
    if (cont) params.set("continue", cont);
    const res = await requestKube(target, "GET", `${path}?${params}`, undefined, timeoutMs);
    if (res.status !== 200 || !res.body) throw new KubeStatusError(res.status, `list ${path} answered ${res.status}`);
    const list = res.body as KubeList;
    items.push(...(list.items ?? []));
    resourceVersion = list.metadata?.resourceVersion;
    cont = list.metadata?.continue || undefined;
  } while (cont);
  return { items, resourceVersion };
}
