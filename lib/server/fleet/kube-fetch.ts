import "server-only";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { HttpMethod, RequestContext, type KubeConfig } from "@kubernetes/client-node";
import { fetch, type Dispatcher } from "undici";

/** A failed call to a cluster's API; `status` 0 for network errors and timeouts. */
export class KubeCallError extends Error {
  override name = "KubeCallError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function prepare(kc: KubeConfig, path: string): Promise<{ url: string; headers: Record<string, string>; dispatcher: Dispatcher }> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new KubeCallError("no cluster in kubeconfig", 0);
  const ctx = new RequestContext(server + path, HttpMethod.GET);
  // The tunnel KubeConfig installs its stream-dialing dispatcher here (no credentials: the agent adds them).
  await kc.applySecurityAuthentication(ctx);
  return { url: ctx.getUrl(), headers: { ...ctx.getHeaders(), accept: "application/json" }, dispatcher: ctx.getDispatcher() as Dispatcher };
}

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return "timed out";
  return e?.cause?.message ?? e?.message ?? String(error);
}

/**
 * GETs a path of the cluster's API as raw JSON (no client-node deserialisation: lists of
 * thousands of pods stay cheap). Raw JSON also keeps timestamps as the strings the
 * projections expect. Rejects with KubeCallError after `timeoutMs`.
 */
export async function kubeGetJson<T>(kc: KubeConfig, path: string, timeoutMs: number): Promise<T> {
  const req = await prepare(kc, path);
  let res;
  try {
    res = await fetch(req.url, { headers: req.headers, dispatcher: req.dispatcher, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new KubeCallError(`GET ${path}: ${describe(error)}`, 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new KubeCallError(`GET ${path}: ${res.status} ${body?.message ?? res.statusText}`, res.status);
  }
  try {
    return (await res.json()) as T;
  } catch (error) {
    throw new KubeCallError(`GET ${path}: ${describe(error)}`, 0);
  }
}

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: Record<string, unknown>;
}

/**
 * Streams a watch: calls `onEvent` per line, resolves when the server ends the watch,
 * rejects on errors, on `inactivityMs` without a byte (bookmarks keep a quiet watch alive),
 * and when `signal` aborts. `onOpen` runs once the server accepted the watch.
 */
export async function kubeWatch(
  kc: KubeConfig,
  path: string,
  opts: { connectTimeoutMs: number; inactivityMs: number; signal: AbortSignal; onOpen: () => void; onEvent: (event: WatchEvent) => void },
): Promise<void> {
  const req = await prepare(kc, path);
  const controller = new AbortController();
  const abort = () => controller.abort();
  opts.signal.addEventListener("abort", abort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
    timer.unref();
  };
  try {
    arm(opts.connectTimeoutMs);
    const res = await fetch(req.url, { headers: req.headers, dispatcher: req.dispatcher, signal: controller.signal });
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      throw new KubeCallError(`WATCH ${path}: ${res.status}`, res.status);
    }
    arm(opts.inactivityMs);
    opts.onOpen();
    const body = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream);
    body.on("data", () => arm(opts.inactivityMs));
    const lines = createInterface({ input: body, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      let event: WatchEvent;
      try {
        event = JSON.parse(line) as WatchEvent;
      } catch {
        throw new KubeCallError(`WATCH ${path}: malformed event`, 0);
      }
      opts.onEvent(event);
    }
  } catch (error) {
    if (error instanceof KubeCallError) throw error;
    if (opts.signal.aborted) return;
    throw new KubeCallError(`WATCH ${path}: ${timedOut ? "no data (timed out)" : describe(error)}`, 0);
  } finally {
    clearTimeout(timer);
    opts.signal.removeEventListener("abort", abort);
    controller.abort();
  }
}
