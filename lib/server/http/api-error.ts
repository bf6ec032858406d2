import "server-only";
import { ERROR_STATUS, type TErrorCode } from "@/lib/shared/api/error-codes";

/** The one error type route code throws; `toErrorResponse` maps it to a response. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;

  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly extra: { fields?: Record<string, string>; headers?: Record<string, string>; source?: "cluster" } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new ApiError("not_found", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new ApiError("forbidden", message);
export const conflict = (message: string) => new ApiError("conflict", message);
