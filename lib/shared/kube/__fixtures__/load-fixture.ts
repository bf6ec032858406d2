// Test helper: reads a JSON fixture next to this file. Test-only (uses node:fs).
import { readFileSync } from "node:fs";
import path from "node:path";

/** The instant every fixture's timestamps were written against. */
export const FIXTURE_NOW = new Date("2025-06-01T12:00:00Z");

export function loadFixture<T>(relativePath: string): T {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, relativePath), "utf8")) as T;
}
