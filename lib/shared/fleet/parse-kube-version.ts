/** Major and minor of a Kubernetes gitVersion ("v1.31.4+k3s1", "1.29.5-kubeedge-v1.18.0"). */
export interface KubeMinor {
  major: number;
  minor: number;
}

/** Parses "v1.31.4+k3s1" → { major: 1, minor: 31 }; null for anything that is not a version. */
export function parseKubeVersion(version: string | null | undefined): KubeMinor | null {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec((version ?? "").trim());
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** How many minor versions `version` is behind `newest` (0 when equal or newer, or majors differ). */
export function minorsBehind(version: KubeMinor, newest: KubeMinor): number {
  if (version.major !== newest.major) return version.major < newest.major ? Number.POSITIVE_INFINITY : 0;
  return Math.max(0, newest.minor - version.minor);
}
