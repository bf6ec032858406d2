import { QueryClient } from "@tanstack/react-query";
import { ApiClientError } from "./api-client";

const NO_RETRY = new Set([400, 401, 403, 404, 409, 422]);

/** One QueryClient with the console's defaults: never retry client errors (401/403 above all). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(error instanceof ApiClientError && NO_RETRY.has(error.status)) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
