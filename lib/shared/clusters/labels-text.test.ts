import { describe, expect, it } from "vitest";
import { formatLabelsText, parseLabelsText } from "./labels-text";

describe("labels text", () => {
  it("parses commas and new lines, trimming spaces", () => {
    expect(parseLabelsText("env=prod, tier = edge\nexample.com/site=berlin")).toEqual({
      labels: { env: "prod", tier: "edge", "example.com/site": "berlin" },
    });
  });
  it("allows empty values and empty input", () => {
    expect(parseLabelsText("flag=")).toEqual({ labels: { flag: "" } });
    expect(parseLabelsText("  \n ")).toEqual({ labels: {} });
  });
  it("reports the first malformed entry", () => {
    expect(parseLabelsText("env=prod,oops,=x")).toEqual({ error: "oops" });
  });
  it("round-trips", () => {
    const labels = { a: "1", "b.io/c": "two" };
    expect(parseLabelsText(formatLabelsText(labels))).toEqual({ labels });
  });
});
