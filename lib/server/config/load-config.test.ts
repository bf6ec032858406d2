import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config";

describe("loadConfig", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8443);
    expect(config.hostnames).toEqual(["localhost", "127.0.0.1"]);
    expect(config.serverUrl).toBe("https://localhost:8443");
    expect(config.dataDir).toMatch(/\.outpost$/);
    expect(config.databaseUrl).toBeUndefined();
  });

  it("derives the server URL from the first hostname and the port", () => {
    const config = loadConfig({ OUTPOST_HOSTNAMES: "console.example.com, 10.1.2.3", OUTPOST_PORT: "9443" });
    expect(config.serverUrl).toBe("https://console.example.com:9443");
    expect(config.hostnames).toEqual(["localhost", "127.0.0.1", "console.example.com", "10.1.2.3"]);
  });

  it.each([
    [{ OUTPOST_PORT: "abc" }, "OUTPOST_PORT"],
    [{ OUTPOST_PORT: "70000" }, "OUTPOST_PORT"],
    [{ OUTPOST_SERVER_URL: "http://insecure.example" }, "OUTPOST_SERVER_URL"],
    [{ OUTPOST_SERVER_URL: "https://user:pw@console.example" }, "OUTPOST_SERVER_URL"],
    [{ OUTPOST_HOSTNAMES: "good.example,bad host" }, "OUTPOST_HOSTNAMES"],
    [{ OUTPOST_BOOTSTRAP_PASSWORD: "short" }, "OUTPOST_BOOTSTRAP_PASSWORD"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ OUTPOST_TLS_CERT_FILE: "/tmp/cert.pem" }, "OUTPOST_TLS_CERT_FILE"],
    [{ OUTPOST_LOG_LEVEL: "loud" }, "OUTPOST_LOG_LEVEL"],
  ])("rejects %j naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}: `));
  });

  it("names every invalid variable at once", () => {
    try {
      loadConfig({ OUTPOST_PORT: "0", OUTPOST_LOG_LEVEL: "x" });
      expect.unreachable("loadConfig must throw");
    } catch (error) {
      expect((error as Error).message).toContain("OUTPOST_PORT");
      expect((error as Error).message).toContain("OUTPOST_LOG_LEVEL");
    }
  });
});
