import { describe, expect, it } from "vitest";
import { ZUpdateWebhookSchema } from "./fleet-api.schema";
import { fleetObjectHref } from "./fleet-links";
import { ZFleetClustersQuerySchema } from "./fleet-query.schema";

describe("fleet query schemas", () => {
  it("parses paging, sort, group and label selectors", () => {
    const q = ZFleetClustersQuerySchema.parse({ limit: "50", offset: "100", sort: "failingPods", dir: "desc", group: "label:example.com/site", label: "env=prod, tier=edge" });
    expect(q).toMatchObject({ limit: 50, offset: 100, sort: "failingPods", dir: "desc", group: "label:example.com/site", label: { env: "prod", tier: "edge" } });
  });

  it.each([{ limit: "abc" }, { limit: "-5" }, { limit: "999999" }, { sort: "evil;drop" }, { group: "label:" }, { group: "owner" }, { label: "a=b=c" }, { label: "=x" }, { unknown: "1" }])("refuses %o", (input) => {
    expect(ZFleetClustersQuerySchema.safeParse(input).success).toBe(false);
  });
});

describe("webhook settings schema", () => {
  it("requires a URL when enabled and refuses credentials and other schemes", () => {
    expect(ZUpdateWebhookSchema.safeParse({ enabled: true, url: null }).success).toBe(false);
    expect(ZUpdateWebhookSchema.safeParse({ enabled: true, url: "https://user:pw@hooks.example.com/x" }).success).toBe(false);
    expect(ZUpdateWebhookSchema.safeParse({ enabled: true, url: "ftp://hooks.example.com/x" }).success).toBe(false);
    expect(ZUpdateWebhookSchema.safeParse({ enabled: true, url: "https://hooks.example.com/x", secret: "short" }).success).toBe(false);
    expect(ZUpdateWebhookSchema.parse({ enabled: false, url: null })).toEqual({ enabled: false, url: null });
  });
});

describe("fleetObjectHref", () => {
  it("escapes every segment", () => {
    expect(fleetObjectHref("pod", "c1", "demo", "web-1")).toBe("/clusters/c1/pods/demo/web-1");
    expect(fleetObjectHref("node", "c 1", "", "a/b")).toBe("/clusters/c%201/nodes/a%2Fb");
  });
});
