import { describe, expect, it } from "vitest";
import { createEdgexDeployment } from "./index";
import { arr, call, obj, specProblems } from "./test-support/call-service";
import { loadSpec, responseSchema, validate } from "./test-support/openapi-check";

// ping / version / config of every service, the deployed service set of each release,
// and the router's 404/405 envelopes.

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const deploy = (release: "3.1" | "4.0") => createEdgexDeployment({ release, seed: 7, now: () => T0 });

const WITH_SPEC: Record<string, string> = {
  "edgex-core-data": "core-data",
  "edgex-core-metadata": "core-metadata",
  "edgex-core-command": "core-command",
  "edgex-support-notifications": "support-notifications",
  "edgex-support-scheduler": "support-scheduler",
  "edgex-core-keeper": "core-keeper",
};

describe.each(["3.1", "4.0"] as const)("EdgeX %s common endpoints", (release) => {
  const version = release === "3.1" ? "3.1.1" : "4.0.2";

  it("deploys the release's services with EdgeX ports and labels", () => {
    const dep = deploy(release);
    const ports = Object.fromEntries(dep.services.map((s) => [s.name, s.port]));
    expect(ports).toMatchObject({
      "edgex-core-data": 59880,
      "edgex-core-metadata": 59881,
      "edgex-core-command": 59882,
      "edgex-support-notifications": 59860,
      "edgex-support-scheduler": release === "3.1" ? 59861 : 59863,
      "edgex-device-virtual": 59900,
      "edgex-device-rest": 59986,
      "edgex-ui": 4000,
    });
    expect("edgex-core-keeper" in ports).toBe(release === "4.0");
    for (const s of dep.services) {
      expect(s.namespace).toBe("edgex");
      expect(s.labels["app.kubernetes.io/name"]).toBe(s.name);
      expect(s.labels["org.edgexfoundry.service"]).toBe(s.name.replace(/^edgex-/, ""));
    }
  });

  it("answers ping, version and config on every service", async () => {
    const dep = deploy(release);
    for (const s of dep.services) {
      const key = s.labels["org.edgexfoundry.service"];
      const ping = await call(dep, s.name, "/api/v3/ping");
      expect(ping.status).toBe(200);
      expect(obj(ping.json)).toEqual({ apiVersion: "v3", timestamp: "Wed Jan 15 12:00:00 UTC 2025", serviceName: key });
      const ver = await call(dep, s.name, "/api/v3/version");
      expect(obj(ver.json)).toMatchObject({ apiVersion: "v3", version, serviceName: key });
      const cfg = await call(dep, s.name, "/api/v3/config");
      expect(obj(obj(cfg.json).config).Service).toMatchObject({ Port: s.port, MaxResultCount: 1024 });
      const specName = WITH_SPEC[s.name];
      if (specName) {
        for (const [path, res] of [["/ping", ping], ["/version", ver], ["/config", cfg]] as const) {
          expect(specProblems(release, specName, path, "GET", res), `${s.name} ${path}`).toEqual([]);
        }
      }
    }
  });

  it("exposes secret-looking configuration a console must mask", async () => {
    const dep = deploy(release);
    const cfg = obj(obj((await call(dep, "edgex-core-metadata", "/api/v3/config")).json).config);
    const db = obj(cfg.Database);
    expect(String(db.Password)).toMatch(/^db-[0-9a-f]{16}$/);
    const secretData = obj(obj(obj(obj(cfg.Writable).InsecureSecrets).DB).SecretData);
    expect(String(secretData.password)).toMatch(/^db-/);
    expect(String(obj(obj(cfg.SecretStore).Authentication).AuthToken)).toMatch(/^hvs\./);
    // 4.0 dropped Consul for core-keeper; 3.1 still registers with Consul.
    expect(obj(cfg.Registry).Type).toBe(release === "3.1" ? "consul" : "keeper");
    expect(JSON.stringify(cfg).includes("consul")).toBe(release === "3.1");
  });

  it("serves the UI page at /", async () => {
    const res = await call(deploy(release), "edgex-ui", "/");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.text).toContain(`EdgeX Foundry ${version}`);
  });

  it("returns EdgeX error envelopes for unknown paths and wrong methods", async () => {
    const dep = deploy(release);
    const missing = await call(dep, "edgex-core-data", "/api/v3/nothing/here");
    expect(missing.status).toBe(404);
    expect(obj(missing.json)).toEqual({ apiVersion: "v3", message: "Not Found", statusCode: 404 });
    const wrong = await call(dep, "edgex-core-metadata", "/api/v3/device/all", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(obj(wrong.json)).toMatchObject({ apiVersion: "v3", statusCode: 405 });
    expect(wrong.headers.allow).toBe("GET");
    const badEscape = await call(dep, "edgex-core-metadata", "/api/v3/device/name/%E0%A4%A");
    expect(badEscape.status).toBe(400);
    // Real write endpoints exist (GET on them is 405) but are explicitly not simulated.
    const write = await call(dep, "edgex-core-metadata", "/api/v3/device", { method: "POST", body: "[]" });
    expect(write.status).toBe(501);
    expect(obj(write.json)).toMatchObject({ apiVersion: "v3", statusCode: 501 });
    expect((await call(dep, "edgex-core-metadata", "/api/v3/device")).status).toBe(405);
  });

  it("echoes a sane X-Correlation-ID and invents one otherwise", async () => {
    const dep = deploy(release);
    const echoed = await call(dep, "edgex-core-data", "/api/v3/ping", { headers: { "X-Correlation-ID": "abc-123" } });
    expect(echoed.headers["x-correlation-id"]).toBe("abc-123");
    const fresh = await call(dep, "edgex-core-data", "/api/v3/ping", { headers: { "x-correlation-id": "<script>" } });
    expect(fresh.headers["x-correlation-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the OpenAPI checker itself", () => {
  it("reports missing required fields, wrong types and mismatched envelopes", () => {
    const spec = loadSpec("3.1", "core-data");
    const schema = responseSchema(spec, "/event/all", "GET", 200);
    const bad = { apiVersion: "v3", statusCode: 200, totalCount: "3", events: [{ id: "x", readings: [] }] };
    const problems = validate(spec, schema, bad);
    expect(problems).toContain("$.totalCount: expected integer, got \"3\"");
    expect(problems.some((p) => p.includes("missing required deviceName"))).toBe(true);
    expect(arr(validate(spec, schema, { apiVersion: "v3", statusCode: 200, totalCount: 0, events: [] }))).toEqual([]);
  });
});
