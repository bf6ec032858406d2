import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { kubeToolPath, KUBE_TOOLS_DIR } from "./kube-tools";
import { missingPackages, testPath } from "./test-prerequisites";

describe("npm test prerequisites", () => {
  it("finds nothing missing once Chromium and a CJK font are installed (as npm test leaves the machine)", () => {
    expect(missingPackages()).toEqual([]);
  });

  it("puts the extracted kubectl after the machine's, so a machine without kubectl still has one", () => {
    kubeToolPath("kubectl");
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), "no-kubectl-"));
    try {
      const PATH = testPath(bare);
      expect(PATH.split(path.delimiter)).toEqual([bare, KUBE_TOOLS_DIR]);
      const out = execFileSync("/bin/sh", ["-c", "command -v kubectl && kubectl version --client"], { env: { ...process.env, PATH }, encoding: "utf8" });
      expect(out).toContain(path.join(KUBE_TOOLS_DIR, "kubectl"));
      expect(out).toMatch(/Client Version: v1\.34\.5/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});
