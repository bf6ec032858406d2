import type { TEdgexRelease } from "./edgex-api.schema";

/** EdgeX release codenames by major.minor (3.x and 4.x serve `/api/v3`). */
const CODENAMES: Record<string, string> = { "3.0": "Minnesota", "3.1": "Napa", "4.0": "Odessa" };

/** Parses an EdgeX version string ("3.1.1", "v4.0.2", "4.0.0-dev.12") into a release. */
export function parseEdgexVersion(version: string): TEdgexRelease | null {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?/.exec(version.trim());
  if (!m) return null;
  const [major, minor] = [m[1] ?? "", m[2] ?? ""];
  const line = major === "3" ? "3.x" : major === "4" ? "4.x" : "other";
  return { version: version.trim().replace(/^v/, ""), line, codename: CODENAMES[`${major}.${minor}`] ?? null };
}

/**
 * The release an EdgeX deployment runs, from the versions its services report. The
 * most-reported version wins (a half-upgraded deployment shows its majority; ties go to
 * the newer version), so one odd device service cannot mislabel the whole cluster.
 */
export function detectEdgexRelease(versions: ReadonlyArray<string | null | undefined>): TEdgexRelease | null {
  const counts = new Map<string, number>();
  for (const v of versions) {
    if (v && parseEdgexVersion(v)) counts.set(v.trim(), (counts.get(v.trim()) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0], "en", { numeric: true }));
  const best = ranked[0]?.[0];
  return best ? parseEdgexVersion(best) : null;
}
