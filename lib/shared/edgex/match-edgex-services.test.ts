import { describe, expect, it } from "vitest";
import { matchEdgexServices } from "./match-edgex-services";

const svc = (name: string, ports: number[], labels?: Record<string, string>, namespace = "edgex") => ({ metadata: { name, namespace, labels }, spec: { ports: ports.map((port) => ({ port })) } });

describe("matchEdgexServices", () => {
  it("finds EdgeX services by label or edgex-* name in any namespace, in catalogue order", () => {
    const found = matchEdgexServices([
      svc("kube-dns", [53], undefined, "kube-system"),
      svc("edgex-ui", [4000]),
      svc("metadata", [59881, 9090], { "org.edgexfoundry.service": "core-metadata" }, "iot"),
      svc("edgex-core-data", [59880], { "org.edgexfoundry.service": "edgex-core-data" }),
      svc("edgex-redis", [6379]),
    ]);
    expect(found.map((s) => [s.key, s.namespace, s.name, s.port, s.probe, s.known])).toEqual([
      ["core-data", "edgex", "edgex-core-data", 59880, "v3", true],
      ["core-metadata", "iot", "metadata", 59881, "v3", true],
      ["ui", "edgex", "edgex-ui", 4000, "http", true],
      ["redis", "edgex", "edgex-redis", 6379, "none", false],
    ]);
  });

  it("picks the scheduler's port per release and falls back to the first port", () => {
    expect(matchEdgexServices([svc("edgex-support-scheduler", [59861])])[0]?.port).toBe(59861);
    expect(matchEdgexServices([svc("edgex-support-scheduler", [8080, 59863])])[0]?.port).toBe(59863);
    expect(matchEdgexServices([svc("edgex-device-modbus", [1502, 1503])])[0]?.port).toBe(1502);
    expect(matchEdgexServices([svc("edgex-kuiper", [59720])])[0]).toMatchObject({ key: "ekuiper", probe: "http" });
    expect(matchEdgexServices([svc("edgex-core-command", [])])[0]).toMatchObject({ port: null, probe: "none" });
  });
});
