/**
 * Stable error codes of the Outpost API. The UI translates the code; `message` is English
 * for scripts and logs. Add codes here, never reuse one with a different meaning.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  upstream_timeout: 504,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

/** Body of every error response: `{ error: { code, message, requestId, fields? } }`. */
export interface TApiErrorBody {
  error: {
    code: TErrorCode;
    message: string;
    requestId?: string;
    /** Field path ("password", "labels.env") → message, for validation errors. */
    fields?: Record<string, string>;
    /** "cluster": the cluster itself refused the request and `message` is its own (e.g. its RBAC's Forbidden). */
    source?: "cluster";
  };
}
