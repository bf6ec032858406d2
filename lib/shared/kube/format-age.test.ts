import { describe, expect, it } from "vitest";
import { formatAge, formatRfc3339, humanDuration, parseTimestamp } from "./format-age";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

// Expected strings follow duration.HumanDuration's branches (and its Go unit tests).
describe("humanDuration", () => {
  it.each([
    [0, "0s"],
    [-1 * S, "0s"],
    [-1.5 * S, "0s"],
    [-2 * S, "<invalid>"],
    [1 * S, "1s"],
    [45 * S, "45s"],
    [119 * S, "119s"],
    [119.9 * S, "119s"],
    [120 * S, "2m"],
    [150 * S, "2m30s"],
    [5 * M, "5m"],
    [5 * M + 30 * S, "5m30s"],
    [9 * M + 59 * S, "9m59s"],
    [10 * M, "10m"],
    [10 * M + 59 * S, "10m"],
    [179 * M + 59 * S, "179m"],
    [180 * M, "3h"],
    [3 * H + 12 * M, "3h12m"],
    [7 * H + 59 * M + 59 * S, "7h59m"],
    [8 * H, "8h"],
    [8 * H + 30 * M, "8h"],
    [47 * H + 59 * M, "47h"],
    [48 * H, "2d"],
    [2 * D + 3 * H, "2d3h"],
    [7 * D + 23 * H + 59 * M, "7d23h"],
    [8 * D, "8d"],
    [45 * D, "45d"],
    [729 * D + 23 * H, "729d"],
    [730 * D, "2y"],
    [760 * D, "2y30d"],
    [2919 * D, "7y364d"],
    [2920 * D, "8y"],
    [3660 * D, "10y"],
  ])("%d ms → %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe("formatAge", () => {
  const now = new Date("2025-06-01T12:00:00Z");

  it("is <unknown> for a missing, empty or Go-zero timestamp", () => {
    expect(formatAge(undefined, now)).toBe("<unknown>");
    expect(formatAge(null, now)).toBe("<unknown>");
    expect(formatAge("", now)).toBe("<unknown>");
    expect(formatAge("0001-01-01T00:00:00Z", now)).toBe("<unknown>");
    expect(formatAge("not a time", now)).toBe("<unknown>");
  });

  it("accepts RFC 3339 strings, Dates and epoch-ms `now`", () => {
    expect(formatAge("2025-06-01T11:15:00Z", now)).toBe("45m");
    expect(formatAge(new Date("2025-05-30T09:00:00Z"), now)).toBe("2d3h");
    expect(formatAge("2025-06-01T11:54:30Z", now.getTime())).toBe("5m30s");
    expect(formatAge("2025-06-01T11:59:59.250000Z", now)).toBe("0s");
  });

  it("treats a timestamp slightly in the future as 0s and further as <invalid>", () => {
    expect(formatAge("2025-06-01T12:00:01Z", now)).toBe("0s");
    expect(formatAge("2025-06-01T12:00:05Z", now)).toBe("<invalid>");
  });
});

describe("parseTimestamp / formatRfc3339", () => {
  it("parses and formats at second precision in UTC like Go's time.RFC3339", () => {
    expect(parseTimestamp("2025-06-01T12:00:00Z")).toBe(Date.UTC(2025, 5, 1, 12));
    expect(formatRfc3339("2025-06-01T14:00:00+02:00")).toBe("2025-06-01T12:00:00Z");
    expect(formatRfc3339("2025-06-01T12:00:00.987654Z")).toBe("2025-06-01T12:00:00Z");
    expect(formatRfc3339(undefined)).toBe("0001-01-01T00:00:00Z");
  });
});
