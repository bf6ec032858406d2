// The URL agents dial, set by an admin like Rancher's first-login server-url prompt:
// validated (https, resolvable, covered by the serving certificate — re-issued from the
// console CA when not), stored in Postgres over OUTPOST_SERVER_URL, audited, and used by
// every import command, manifest and the systemd unit.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { prisma } from "@/lib/server/db/prisma";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { certificateCovers } from "@/lib/server/tls/generate-certificates";
import { registerServingTlsUpdater } from "@/lib/server/tls/serving-tls-updater";
import type { TAgentServerUrlSettings } from "@/lib/shared/settings/settings.schema";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";

describe("the agent server URL setting", () => {
  let admin: string;
  let operator: string;
  const installed: string[] = [];
  beforeAll(async () => {
    await seedUser("root", "admin");
    await seedUser("opa", "operator");
    admin = await login("root");
    operator = await login("opa");
    registerServingTlsUpdater(({ certPem }) => installed.push(certPem));
  });

  const put = (url: unknown, cookie = admin) => callRoute("PUT", "/api/v1/settings/agent-url", { cookie, body: { url } });

  it("defaults to the environment's URL and is for admins only", async () => {
    const res = await callRoute("GET", "/api/v1/settings/agent-url", { cookie: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: "https://localhost:8443", source: "environment", environmentUrl: "https://localhost:8443", updatedAt: null });
    expect((await callRoute("GET", "/api/v1/settings/agent-url", { cookie: operator })).status).toBe(403);
    expect((await put("https://10.20.30.40:8443", operator)).status).toBe(403);
  });

  it("refuses what agents could not use, with a 422 naming the field", async () => {
    for (const bad of ["http://console.example", "https://user:pw@console.example", "https://console.example/path", "https://console.example?x=1", "not a url", 42]) {
      const res = await put(bad);
      expect(res.status, String(bad)).toBe(422);
    }
    const unresolvable = await put("https://no-such-host.invalid:8443");
    expect(unresolvable.status).toBe(422);
    expect(((await unresolvable.json()) as { error: { message: string; fields: Record<string, string> } }).error).toMatchObject({ message: "no-such-host.invalid does not resolve from the console", fields: { url: "unresolvable" } });
    expect(await prisma.consoleSetting.count()).toBe(0);
  });

  it("a name the certificate lacks: re-issued from the console CA and installed on the running server; commands and manifests use it; audited", async () => {
    const res = await put("https://10.20.30.40:8443/");
    expect(res.status).toBe(200);
    const body = (await res.json()) as TAgentServerUrlSettings;
    expect(body).toMatchObject({ url: "https://10.20.30.40:8443", source: "setting", certificateReissued: true });
    const { config, caPem } = getRuntimeContext();
    const onDisk = fs.readFileSync(path.join(config.dataDir, "tls", "tls.crt"), "utf8");
    expect(certificateCovers(onDisk, ["10.20.30.40", "localhost", "127.0.0.1"])).toBe(true);
    expect(installed).toEqual([onDisk]);
    const { X509Certificate } = await import("node:crypto");
    expect(new X509Certificate(onDisk).verify(new X509Certificate(caPem).publicKey)).toBe(true);

    const cluster = await createCluster({ name: "far-away", labels: {} }, SYSTEM_ACTOR);
    expect(cluster.importCommands!.manifestUrl).toMatch(/^https:\/\/10\.20\.30\.40:8443\/v3\/import\//);
    expect(cluster.importCommands!.docker).toContain("-e OUTPOST_SERVER=https://10.20.30.40:8443 ");
    expect(cluster.importCommands!.systemdUnit).toContain("Environment=OUTPOST_SERVER=https://10.20.30.40:8443");
    const token = /\/v3\/import\/([0-9a-f]{64})_/.exec(cluster.importCommands!.manifestUrl)![1]!;
    const manifest = await (await callRoute("GET", `/v3/import/${token}_${cluster.id}.yaml`)).text();
    expect(manifest).toContain("value: https://10.20.30.40:8443");
    expect(await (await callRoute("GET", "/v3/outpost-agent.service")).text()).toContain("Environment=OUTPOST_SERVER=https://10.20.30.40:8443");

    // Covered already: nothing re-issued.
    expect(((await (await put("https://localhost:9443")).json()) as TAgentServerUrlSettings).certificateReissued).toBe(false);
    expect(installed).toHaveLength(1);
    const events = await prisma.auditEvent.findMany({ where: { action: "settings.agent-url.update" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { from: "https://localhost:8443", to: "https://10.20.30.40:8443", certificateReissued: true },
      { from: "https://10.20.30.40:8443", to: "https://localhost:9443", certificateReissued: false },
    ]);
  });

  it("DELETE reverts to the environment's URL", async () => {
    const res = await callRoute("DELETE", "/api/v1/settings/agent-url", { cookie: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ url: "https://localhost:8443", source: "environment" });
    expect(await prisma.consoleSetting.count()).toBe(0);
  });
});
