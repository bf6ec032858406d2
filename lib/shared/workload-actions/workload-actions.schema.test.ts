import { describe, expect, it } from "vitest";
import { ZSetImageBodySchema } from "./workload-actions.schema";

const ok = (image: string) => ZSetImageBodySchema.safeParse({ container: "web", image }).success;

describe("set image body", () => {
  it("accepts image references the runtime pulls", () => {
    for (const image of ["nginx", "nginx:1.27.3", "library/nginx:latest", "ghcr.io/org/app:v2.1", "registry.local:5000/team/app", "localhost/app:dev", "registry:5000/app", `app@sha256:${"a".repeat(64)}`, "rancher/mirrored-metrics-server:v0.7.2"]) {
      expect(ok(image), image).toBe(true);
    }
  });

  it("refuses what is not one", () => {
    for (const image of ["", "UPPER/case:1", "Nginx", "nginx:1.27 ; rm -rf /", "nginx:", "/nginx", "nginx@sha256:short", "x".repeat(600), "a//b"]) {
      expect(ok(image), image).toBe(false);
    }
    expect(ZSetImageBodySchema.safeParse({ container: "Web_1", image: "nginx" }).success).toBe(false);
  });
});
