import { errorResponse } from "./http-response";
import type { EdgexRelease, SimHttpRequest, SimHttpResponse } from "./types";

// offset/limit exactly as edgex-go parses them (internal/pkg/utils/http.go): Go Atoi
// syntax, range checks with EdgeX's messages, limit -1 meaning MaxResultCount, and 416
// when the offset runs past the data.

const MAX_INT32 = 2147483647;

export interface Paging {
  offset: number;
  limit: number;
  /** 4.0 core-data: offset=-1 asks the service not to count the total. */
  skipCount: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: SimHttpResponse };

function parseGoInt(
  req: SimHttpRequest,
  key: string,
  fallback: number,
  min: number,
  max: number,
): Parsed<number> {
  const raw = req.query.get(key);
  if (raw === null || raw === "") return { ok: true, value: Math.min(fallback, max) };
  const trimmed = raw.trim();
  const n = /^[+-]?\d{1,18}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(n)) {
    const message = `failed to parse querystring ${key}'s value ${raw} into integer. Error:strconv.Atoi: parsing "${trimmed}": invalid syntax`;
    return { ok: false, response: errorResponse(req, 400, message) };
  }
  if (n < min || n > max) {
    const message = `querystring ${key}'s value ${n} is out of min ${min} ~ max ${max} range.`;
    return { ok: false, response: errorResponse(req, 400, message) };
  }
  return { ok: true, value: n };
}

/** Parses offset and limit for a list endpoint whose service caps results at maxResultCount. */
export function parsePaging(
  req: SimHttpRequest,
  maxResultCount: number,
  opts: { allowSkipCount?: boolean } = {},
): Parsed<Paging> {
  const offset = parseGoInt(req, "offset", 0, opts.allowSkipCount ? -1 : 0, MAX_INT32);
  if (!offset.ok) return offset;
  const limit = parseGoInt(req, "limit", 20, -1, maxResultCount);
  if (!limit.ok) return limit;
  return {
    ok: true,
    value: {
      offset: Math.max(0, offset.value),
      limit: limit.value === -1 ? maxResultCount : limit.value,
      skipCount: offset.value === -1,
    },
  };
}

/**
 * The 416 check: 3.x (Redis) refuses an offset at or past a non-empty result set, 4.0
 * (utils.CheckCountRange) only an offset strictly past it.
 */
export function rangeError(
  req: SimHttpRequest,
  release: EdgexRelease,
  total: number,
  offset: number,
): SimHttpResponse | null {
  const outOfRange = release === "3.1" ? total > 0 && offset >= total : total > 0 && offset > total;
  if (!outOfRange) return null;
  const message = `query objects bounds out of range. length:${total} offset:${offset}`;
  return errorResponse(req, 416, message);
}

/** Slices an in-memory list, with EdgeX's range error. */
export function pageOf<T>(
  req: SimHttpRequest,
  release: EdgexRelease,
  items: readonly T[],
  paging: Paging,
): Parsed<{ items: T[]; total: number }> {
  const err = rangeError(req, release, items.length, paging.offset);
  if (err) return { ok: false, response: err };
  const page = items.slice(paging.offset, paging.offset + paging.limit);
  return { ok: true, value: { items: page, total: items.length } };
}
