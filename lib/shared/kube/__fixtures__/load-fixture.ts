// Test helper: reads a JSON fixture next to this file. Test-only (uses node:fs).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The instant every fixture's timestamps were written against. */
export const FIXTURE_NOW = new Date("2025-06-01T12:00:00Z");

export function loadFixture<T>(relativePath: string): T {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, relativePath), "utf8")) as T;
}

/** Fixture names (without .json) in a sub-folder, sorted. */
export function listFixtures(folder: string): string[] {
  return readdirSync(path.join(import.meta.dirname, folder))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}
