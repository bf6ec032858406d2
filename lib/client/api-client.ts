import type { TApiErrorBody, TErrorCode } from "@/lib/shared/api/error-codes";

/** An error answered by the Outpost API (or a network failure: status 0, code "unavailable"). */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: TErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId?: string,
    /** "cluster": the message is the cluster's own answer. */
    readonly source?: "cluster",
  ) {
    super(message);
  }
}

/** fetch() for /api/v1: JSON in and out, errors thrown as ApiClientError. */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiClientError(0, "unavailable", "The console cannot be reached");
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const body = data as Partial<TApiErrorBody> | undefined;
    throw new ApiClientError(
      response.status,
      body?.error?.code ?? "internal",
      body?.error?.message ?? `HTTP ${response.status}`,
      body?.error?.fields ?? {},
      body?.error?.requestId,
      body?.error?.source,
    );
  }
  return data as T;
}
