import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZHealthMessageSchema, type THealthParts } from "@/lib/shared/fleet/health-push.schema";
import { CONSOLE_PROTOCOL, parseConsoleProtocol } from "@/lib/tunnel";
import { createBackoff } from "../src/backoff";
import { forOlderConsole } from "../src/push-health";
import type { KubeTarget } from "../src/load-kube-target";
import { createLogger } from "../src/logger";
import { upstreamHeaders } from "../src/proxy-headers";
import { ConfigError, resolveConfig } from "../src/resolve-config";
import { caChecksum } from "../src/verify-ca-checksum";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

describe("CA checksum", () => {
  it("is the lowercase hex SHA-256 of the PEM with exactly one trailing newline", () => {
    const expected = createHash("sha256").update(`${PEM}\n`).digest("hex");
    expect(caChecksum(PEM)).toBe(expected);
    expect(caChecksum(`${PEM}\n`)).toBe(expected);
    expect(caChecksum(`${PEM}\n\n\n`)).toBe(expected);
    expect(caChecksum(`${PEM} `)).not.toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("full-jitter backoff", () => {
  it("draws uniformly below min(cap, base·2^n)", () => {
    const top = createBackoff({ baseMs: 1_000, capMs: 60_000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(() => top.next())).toEqual([999, 1999, 3999, 7999, 15999, 31999, 59999, 59999]);
    const bottom = createBackoff({ random: () => 0 });
    expect(bottom.next()).toBe(0);
  });

  it("after losing a healthy tunnel, spreads the first attempt over 5 s, stays under 10 s for 15 minutes, then grows to the 30 s cap", () => {
    let now = 0;
    const backoff = createBackoff({ random: () => 0.999999, now: () => now });
    backoff.reset();
    expect([1, 2, 3, 4, 5, 6, 7].map(() => backoff.next())).toEqual([4999, 1999, 3999, 7999, 9999, 9999, 9999]);
    // A console away for minutes (an upgrade, a database outage) is still retried every < 10 s.
    now = 14 * 60_000;
    expect(backoff.next()).toBe(9999);
    now = 15 * 60_000 + 1;
    expect(backoff.next()).toBe(29999);
  });

  it("a tunnel that was up only briefly keeps the growth but brings the fast cap back", () => {
    let now = 0;
    const backoff = createBackoff({ random: () => 0.999999, now: () => now });
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.next())).toEqual([999, 1999, 3999, 7999, 15999, 29999]);
    backoff.reachable();
    expect([1, 2].map(() => backoff.next())).toEqual([9999, 9999]);
    now = 15 * 60_000 + 1;
    expect(backoff.next()).toBe(29999);
  });
});

describe("configuration precedence", () => {
  const secretRoot = () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-config-"));
    const dir = path.join(root, "etc/outpost/credentials");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "url"), "https://from-secret.example/\n");
    fs.writeFileSync(path.join(dir, "token"), "secret-token\n");
    fs.writeFileSync(path.join(dir, "cluster-id"), "c-secret");
    return root;
  };

  it("takes flags over env over the mounted secret", () => {
    const root = secretRoot();
    const env = { OUTPOST_PATH_PREFIX: root, OUTPOST_SERVER: "https://from-env.example", OUTPOST_CLUSTER_ID: "c-env" } as unknown as NodeJS.ProcessEnv;
    const fromSecret = resolveConfig([], { OUTPOST_PATH_PREFIX: root } as unknown as NodeJS.ProcessEnv);
    expect(fromSecret).toMatchObject({ server: "https://from-secret.example", token: "secret-token", clusterId: "c-secret", healthPort: 8091, stateDir: "/var/lib/outpost-agent" });
    expect(resolveConfig([], env)).toMatchObject({ server: "https://from-env.example", token: "secret-token", clusterId: "c-env" });
    expect(resolveConfig(["--server=https://from-flag.example", "--token", "flag-token"], env)).toMatchObject({ server: "https://from-flag.example", token: "flag-token" });
  });

  it("re-reads the token from the mounted secret when asked for the current one", () => {
    const root = secretRoot();
    const config = resolveConfig([], { OUTPOST_PATH_PREFIX: root } as unknown as NodeJS.ProcessEnv);
    fs.rmSync(path.join(root, "etc/outpost/credentials/token"));
    expect(config.token).toBe("secret-token");
    expect(config.currentToken()).toBeUndefined();
  });

  it("rejects bad values with a ConfigError", () => {
    const env = {} as NodeJS.ProcessEnv;
    expect(() => resolveConfig([], env)).toThrow(ConfigError);
    expect(() => resolveConfig(["--server", "https://u:p@x.example"], env)).toThrow(/credentials/);
    expect(() => resolveConfig(["--server", "ftp://x.example"], env)).toThrow(/https/);
    expect(() => resolveConfig(["--server", "https://x.example", "--ca-checksum", "abc"], env)).toThrow(/64 hex/);
    expect(() => resolveConfig(["--server", "https://x.example", "--nope"], env)).toThrow(ConfigError);
  });
});

describe("logger", () => {
  it("writes one JSON line per event and redacts registered secrets", () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    log.addSecret("super-secret-credential");
    log.warn("something", { detail: "Bearer super-secret-credential failed" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\n$/);
    const parsed = JSON.parse(lines[0]!) as Record<string, string>;
    expect(parsed).toMatchObject({ level: "warn", event: "something", detail: "Bearer [redacted] failed" });
    expect(log.redact("x super-secret-credential y")).toBe("x [redacted] y");
  });
});

describe("proxy headers", () => {
  const target = { url: new URL("https://10.43.0.1:443"), authorization: () => "Bearer agent-sa" } as unknown as KubeTarget;

  it("drops the console's Authorization and hop-by-hop headers, keeps repeated headers", () => {
    const headers = upstreamHeaders(
      ["Authorization", "Bearer console", "Host", "cluster.tunnel", "Connection", "keep-alive", "Impersonate-Group", "a", "Impersonate-Group", "b", "Accept", "application/json"],
      target,
      false,
    );
    expect(headers).toEqual({ authorization: "Bearer agent-sa", host: "10.43.0.1", "impersonate-group": ["a", "b"], accept: "application/json" });
  });

  it("keeps Connection/Upgrade for upgrade requests", () => {
    const headers = upstreamHeaders(["Connection", "Upgrade", "Upgrade", "websocket"], target, true);
    expect(headers).toMatchObject({ connection: "Upgrade", upgrade: "websocket" });
  });
});

describe("health summaries for an older console", () => {
  const parts: THealthParts = {
    nodes: { ready: 1, total: 1 },
    pods: { total: 2, running: 2, pending: 0, succeeded: 0, failed: 0, unknown: 0, failing: 0, crashLooping: 0 },
    deployments: { total: 1, unavailable: 0 },
    workloads: { statefulSets: { total: 1, unavailable: 1 }, daemonSets: { total: 1, unavailable: 0 } },
    warningEvents: 0,
    kubernetesVersion: "v1.31.4+k3s1",
    edgex: { servicesUp: 3, servicesTotal: 4, devicesUp: 2, devicesTotal: 2, lastReadingAt: null },
    details: { notReadyNodes: [], crashLoopingPods: [], failingPods: [], unavailableDeployments: [], kubeletVersions: ["v1.31.4+k3s1"], edgexServicesDown: ["edgex-core-command"], unavailableStatefulSets: ["default/store"], unavailableDaemonSets: [] },
    search: [
      { kind: "deployment", namespace: "default", name: "web", labels: {}, status: "1/1" },
      { kind: "edgex-device", namespace: "", name: "sensor-1", labels: {}, status: "UP" },
    ],
    hardware: [],
    caches: { current: false, since: "2026-12-07T22:00:00.000Z", reason: "pods: aborted" },
  };

  it("reads the console's protocol from the upgrade answer; none means 3", () => {
    expect(parseConsoleProtocol(undefined)).toBe(3);
    expect(parseConsoleProtocol(String(CONSOLE_PROTOCOL))).toBe(CONSOLE_PROTOCOL);
    expect(parseConsoleProtocol("x4")).toBe(3);
  });

  it("sends a protocol-3 console exactly what a protocol-3 agent sent: no newer parts, no EdgeX of its own", () => {
    const old = forOlderConsole(parts);
    expect(Object.keys(old).sort()).toEqual(["deployments", "details", "edgex", "hardware", "kubernetesVersion", "nodes", "pods", "search", "warningEvents"]);
    expect(Object.keys(old.details).sort()).toEqual(["crashLoopingPods", "edgexServicesDown", "failingPods", "kubeletVersions", "notReadyNodes", "unavailableDeployments"]);
    expect(old.edgex).toBeNull();
    expect(old.details.edgexServicesDown).toEqual([]);
    expect(old.search.map((i) => i.kind)).toEqual(["deployment"]);
    // Both shapes are valid messages for this console.
    expect(ZHealthMessageSchema.safeParse({ type: "health", epoch: "e", seq: 1, full: true, parts }).success).toBe(true);
    expect(ZHealthMessageSchema.safeParse({ type: "health", epoch: "e", seq: 1, full: true, parts: old }).success).toBe(true);
  });
});
