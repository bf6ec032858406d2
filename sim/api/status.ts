import type { Status } from "../store/kube-types";

const REASONS: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  406: "NotAcceptable",
  409: "Conflict",
  410: "Expired",
  413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType",
  422: "Invalid",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceUnavailable",
  504: "Timeout",
};

/** An error that is answered as a Kubernetes Status object. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason: string = REASONS[code] ?? "Unknown",
    readonly details?: Status["details"],
  ) {
    super(message);
  }

  toStatus(): Status {
    return statusOf(this.code, this.message, this.reason, this.details);
  }
}

/** Builds a Status body. */
export function statusOf(code: number, message: string, reason: string = REASONS[code] ?? "Unknown", details?: Status["details"]): Status {
  const s: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: code < 400 ? "Success" : "Failure", message, reason, code };
  if (details) s.details = details;
  return s;
}

/** 404 for a named object, worded like the apiserver: `pods "x" not found`. */
export function notFound(resource: string, group: string, name: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError(404, `${qualified} "${name}" not found`, "NotFound", { name, group: group || undefined, kind: resource });
}

/** 409 AlreadyExists. */
export function alreadyExists(resource: string, group: string, name: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError(409, `${qualified} "${name}" already exists`, "AlreadyExists", { name, group: group || undefined, kind: resource });
}

/** 409 Conflict on a stale resourceVersion. */
export function conflict(resource: string, group: string, name: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError(
    409,
    `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    "Conflict",
    { name, group: group || undefined, kind: resource },
  );
}

export interface FieldCause {
  field: string;
  reason: "FieldValueRequired" | "FieldValueInvalid" | "FieldValueNotSupported" | "FieldValueDuplicate" | "FieldValueForbidden";
  message: string;
}

/** 422 Invalid with field causes: `Pod "x" is invalid: spec.containers: Required value`. */
export function invalid(kind: string, group: string, name: string, causes: FieldCause[]): ApiError {
  const summary = causes.map((c) => `${c.field}: ${c.message}`).join(", ");
  const msg = `${kind} "${name}" is invalid: ${causes.length > 1 ? `[${summary}]` : summary}`;
  return new ApiError(422, msg, "Invalid", {
    name,
    group: group || undefined,
    kind,
    causes: causes.map((c) => ({ reason: c.reason, message: c.message, field: c.field })),
  });
}
