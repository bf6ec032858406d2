/** A k3s version as `/version` and kubelets report it: `v1.31.4+k3s1`. */
export interface TK3sVersion {
  major: number;
  minor: number;
  patch: number;
  /** The k3s release of that Kubernetes version (`+k3s<n>`), 0 when absent. */
  k3s: number;
  text: string;
}

const PATTERN = /^v(\d+)\.(\d+)\.(\d+)(?:\+k3s(\d+))?$/;

/** Parses `v1.31.4+k3s1` (or plain `v1.31.4`); null for anything else. */
export function parseK3sVersion(text: string | null | undefined): TK3sVersion | null {
  const m = PATTERN.exec(text?.trim() ?? "");
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), k3s: Number(m[4] ?? 0), text: text!.trim() };
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareK3sVersions(a: TK3sVersion, b: TK3sVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || a.k3s - b.k3s;
}

/**
 * Why a cluster running `from` cannot be upgraded to `to`, or null: Kubernetes supports
 * upgrading one minor version at a time (and k3s no downgrade), so a skipped minor or a
 * lower version is refused; the same version is "already".
 */
export function upgradeRefusal(from: TK3sVersion | null, to: TK3sVersion): "unknown-version" | "downgrade" | "skips-minor" | "already" | null {
  if (!from) return "unknown-version";
  if (from.major !== to.major) return to.major < from.major ? "downgrade" : "skips-minor";
  const c = compareK3sVersions(to, from);
  if (c === 0) return "already";
  if (c < 0) return "downgrade";
  if (to.minor > from.minor + 1) return "skips-minor";
  return null;
}

/** The Kubernetes version skew policy for a kubelet against its apiserver: at most 3 minors older (1.28+), never newer. */
export function kubeletSkewProblem(server: TK3sVersion, kubelet: TK3sVersion): string | null {
  if (kubelet.major !== server.major || kubelet.minor > server.minor) return `kubelet ${kubelet.text} is newer than its server ${server.text}`;
  if (server.minor - kubelet.minor > 3) return `kubelet ${kubelet.text} is more than 3 minor versions behind ${server.text}`;
  return null;
}
