import { describe, expect, it } from "vitest";
import { minorsBehind, parseKubeVersion } from "./parse-kube-version";

describe("parseKubeVersion", () => {
  it.each([
    ["v1.31.4+k3s1", { major: 1, minor: 31 }],
    ["v1.29.5-kubeedge-v1.18.0", { major: 1, minor: 29 }],
    ["1.33", { major: 1, minor: 33 }],
    ["v1.27.16+k3s1", { major: 1, minor: 27 }],
  ])("%s", (input, expected) => expect(parseKubeVersion(input)).toEqual(expected));

  it.each([null, undefined, "", "latest", "v1", "1.x.3"])("rejects %s", (input) => expect(parseKubeVersion(input)).toBeNull());

  it("counts minors behind within a major", () => {
    expect(minorsBehind({ major: 1, minor: 29 }, { major: 1, minor: 31 })).toBe(2);
    expect(minorsBehind({ major: 1, minor: 31 }, { major: 1, minor: 31 })).toBe(0);
    expect(minorsBehind({ major: 1, minor: 32 }, { major: 1, minor: 31 })).toBe(0);
    expect(minorsBehind({ major: 0, minor: 99 }, { major: 1, minor: 0 })).toBe(Number.POSITIVE_INFINITY);
  });
});
