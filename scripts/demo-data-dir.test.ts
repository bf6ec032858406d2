import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_MARKER, prepareDemoDataDir } from "./demo-data-dir";

describe("prepareDemoDataDir", () => {
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), "demo-data-dir-"));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it("creates a missing directory with the marker", () => {
    const dir = path.join(base, "new");
    prepareDemoDataDir(dir);
    expect(fs.readdirSync(dir)).toEqual([DEMO_MARKER]);
  });

  it("wipes a directory the demo created before", () => {
    const dir = path.join(base, "demo");
    prepareDemoDataDir(dir);
    fs.mkdirSync(path.join(dir, "postgres"));
    fs.writeFileSync(path.join(dir, "auth-secret"), "x");
    prepareDemoDataDir(dir);
    expect(fs.readdirSync(dir)).toEqual([DEMO_MARKER]);
  });

  it("never deletes a directory it did not create", () => {
    const dir = path.join(base, "mine");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "important.txt"), "keep me");
    expect(() => prepareDemoDataDir(dir)).toThrow(/not created by the demo/);
    expect(fs.readFileSync(path.join(dir, "important.txt"), "utf8")).toBe("keep me");
  });

  it("refuses a file", () => {
    const file = path.join(base, "file");
    fs.writeFileSync(file, "keep me");
    expect(() => prepareDemoDataDir(file)).toThrow(/not a directory/);
    expect(fs.readFileSync(file, "utf8")).toBe("keep me");
  });

  it("adopts an empty directory", () => {
    const dir = path.join(base, "empty");
    fs.mkdirSync(dir);
    prepareDemoDataDir(dir);
    expect(fs.readdirSync(dir)).toEqual([DEMO_MARKER]);
  });
});
