import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kubeToolPath } from "./kube-tools";

const TSX = path.join(__dirname, "..", "node_modules", ".bin", "tsx");

describe("kubeToolPath", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("provides real helm v4.1.4 and kubectl v1.34.5", () => {
    expect(execFileSync(kubeToolPath("helm"), ["version", "--short"], { encoding: "utf8" })).toMatch(/^v4\.1\.4\+/);
    expect(execFileSync(kubeToolPath("kubectl"), ["version", "--client"], { encoding: "utf8" })).toMatch(/Client Version: v1\.34\.5/);
  });

  it("two processes extracting into the same empty directory at once both end with a working binary", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "kube-tools-"));
    dirs.push(dir);
    const script = `console.log(require(${JSON.stringify(path.join(__dirname, "kube-tools.ts"))}).kubeToolPath("kubectl", ${JSON.stringify(dir)}))`;
    const run = () => new Promise<string>((resolve, reject) => execFile(TSX, ["-e", script], { timeout: 60_000 }, (err, out) => (err ? reject(err) : resolve(out.trim()))));
    const [a, b] = await Promise.all([run(), run()]);
    expect(a).toBe(path.join(dir, "kubectl"));
    expect(b).toBe(a);
    expect(execFileSync(a, ["version", "--client"], { encoding: "utf8" })).toMatch(/v1\.34\.5/);
    // No temporary file is left behind by either writer.
    expect((await readdir(dir)).sort()).toEqual(["kubectl", "kubectl.stamp"]);
  });
});
