import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";
import { raw } from "./test/raw-request";

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";

describe("Table answers follow kube-apiserver's rules", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ clusters: [{ name: "tables", scenarios: ["k3s", "kubeedge"] }] });
  });
  afterAll(async () => sim?.stop());

  it("refuses an unknown includeObject with 400", async () => {
    const c = sim.clusters[0]!;
    const res = await raw(c, "GET", "/api/v1/namespaces/kube-system/pods?includeObject=Everything", undefined, { Accept: TABLE });
    expect(res.status).toBe(400);
    expect((res.json as { message: string }).message).toBe('unrecognized includeObject value: "Everything"');
  });

  it("serves a CRD's declared printer columns without adding Age, typed", async () => {
    const c = sim.clusters[0]!;
    const res = await raw(c, "GET", "/apis/devices.kubeedge.io/v1beta1/namespaces/default/devices", undefined, { Accept: TABLE });
    const table = res.json as { columnDefinitions: Array<{ name: string }>; rows: Array<{ cells: unknown[] }> };
    expect(table.columnDefinitions.map((d) => d.name)).toEqual(["Name", "Node", "Model", "State"]);
    // A CRD that declares no columns (Traefik's IngressRoute) gets the single Age column.
    const routes = await raw(c, "GET", "/apis/traefik.io/v1alpha1/ingressroutes", undefined, { Accept: TABLE });
    expect((routes.json as { columnDefinitions: Array<{ name: string; type: string }> }).columnDefinitions.map((d) => [d.name, d.type])).toEqual([["Name", "string"], ["Age", "date"]]);
  });

  it("a Table watch carries the column definitions in its first event only", async () => {
    const c = sim.clusters[0]!;
    const lines = await new Promise<string[]>((resolve, reject) => {
      const req = https.request({ host: "127.0.0.1", port: c.port, path: "/api/v1/namespaces/kube-system/pods?watch=true", ca: c.caPem, headers: { Authorization: `Bearer ${c.token}`, Accept: TABLE } }, (res) => {
        let buffer = "";
        res.on("data", (d: Buffer) => {
          buffer += d.toString();
          const got = buffer.split("\n").filter(Boolean);
          if (got.length >= 2) {
            req.destroy();
            resolve(got);
          }
        });
      });
      req.on("error", (e) => (e.message.includes("aborted") || e.message.includes("socket hang up") ? undefined : reject(e)));
      req.end();
    });
    const [first, second] = lines.map((l) => JSON.parse(l) as { type: string; object: { kind: string; columnDefinitions: unknown[] | null; rows: unknown[] } });
    expect(first).toMatchObject({ type: "ADDED", object: { kind: "Table", rows: [expect.anything()] } });
    expect(first?.object.columnDefinitions?.length).toBeGreaterThan(0);
    expect(second?.object.columnDefinitions).toBeNull();
    expect(second?.object.rows).toHaveLength(1);
  });
});
