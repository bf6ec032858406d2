import { describe, expect, it } from "vitest";
import { needsTypedName, ZDeleteObjectQuerySchema } from "./object-delete.schema";

describe("object delete", () => {
  it("asks for the typed name for cluster-wide objects and cascading deletes only", () => {
    expect(needsTypedName({ namespaced: false, children: 0, policy: "Orphan" })).toBe(true);
    expect(needsTypedName({ namespaced: true, children: 2, policy: "Background" })).toBe(true);
    expect(needsTypedName({ namespaced: true, children: 2, policy: "Foreground" })).toBe(true);
    expect(needsTypedName({ namespaced: true, children: 2, policy: "Orphan" })).toBe(false);
    expect(needsTypedName({ namespaced: true, children: 0, policy: "Background" })).toBe(false);
  });

  it("accepts only the three policies", () => {
    expect(ZDeleteObjectQuerySchema.parse({ propagationPolicy: "Orphan" })).toEqual({ propagationPolicy: "Orphan" });
    expect(ZDeleteObjectQuerySchema.safeParse({ propagationPolicy: "orphan" }).success).toBe(false);
    expect(ZDeleteObjectQuerySchema.parse({})).toEqual({});
  });
});
