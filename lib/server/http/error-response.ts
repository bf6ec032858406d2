import "server-only";
import { ZodError } from "zod";
import type { TApiErrorBody } from "@/lib/shared/api/error-codes";
import { redactText } from "../audit/redact-secrets";
import { ApiError } from "./api-error";
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailableError, markDatabaseUnavailable } from "../db/database-availability";

/** Flattens zod issues into `{ "labels.env": "must be a string" }`. */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/**
 * Maps any thrown value to a JSON error response: ApiError → its status; zod → 422 with
 * field errors; Prisma unique/not-found → 409/404; database unreachable → 503 with
 * Retry-After; anything else → an opaque 500 carrying
 * the request id (the error itself goes to the server log only, redacted).
 */
export function toErrorResponse(error: unknown, requestId: string): Response {
  let apiError: ApiError;
  if (error instanceof ApiError) apiError = error;
  else if (error instanceof ZodError) {
    const fields = zodFields(error);
    const summary = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ");
    apiError = new ApiError("validation_failed", `Invalid request: ${summary}`, { fields });
  } else if (prismaCode(error) === "P2002") apiError = new ApiError("conflict", "A record with these values already exists");
  else if (prismaCode(error) === "P2025") apiError = new ApiError("not_found", "Not found");
  else if (isDatabaseUnavailableError(error)) {
    // Not a bug of the request: the database is restarting or unreachable; come back soon.
    markDatabaseUnavailable("a request could not reach the database");
    apiError = new ApiError("unavailable", "The database is unavailable; retry in a few seconds", { headers: { "retry-after": String(DATABASE_RETRY_AFTER_S) } });
  } else if (prismaCode(error) === "P2024" || prismaCode(error) === "P2028") {
    // The database pool is saturated (a burst of work): a client should simply come back.
    apiError = new ApiError("unavailable", "The console is busy; retry in a few seconds", { headers: { "retry-after": "5" } });
  }
  else {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`[outpost] request ${requestId} failed: ${redactText(detail)}`);
    apiError = new ApiError("internal", `Internal error (request id ${requestId})`);
  }
  const body: TApiErrorBody = {
    error: { code: apiError.code, message: apiError.message, requestId, ...(apiError.extra.fields ? { fields: apiError.extra.fields } : {}), ...(apiError.extra.source ? { source: apiError.extra.source } : {}) },
  };
  return Response.json(body, { status: apiError.status, headers: { ...apiError.extra.headers, "x-request-id": requestId } });
}
