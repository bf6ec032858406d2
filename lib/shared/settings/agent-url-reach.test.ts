import { describe, expect, it } from "vitest";
import { isReachableFromElsewhere } from "./agent-url-reach";

describe("isReachableFromElsewhere", () => {
  it.each([
    ["https://localhost:8443", false],
    ["https://console.localhost", false],
    ["https://127.0.0.1:8443", false],
    ["https://127.1.2.3", false],
    ["https://0.0.0.0:8443", false],
    ["https://169.254.1.1", false],
    ["https://[::1]:8443", false],
    ["https://[fe80::1]", false],
    ["https://[::ffff:127.0.0.1]", false],
    ["not a url", false],
    ["https://console.example.com", true],
    ["https://10.0.0.5:8443", true],
    ["https://[2001:db8::1]", true],
  ])("%s → %s", (url, reachable) => {
    expect(isReachableFromElsewhere(url)).toBe(reachable);
  });
});
