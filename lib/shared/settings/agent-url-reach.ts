/**
 * Whether agents on other machines could dial this URL: false for loopback names and
 * addresses (localhost, *.localhost, 127.0.0.0/8, ::1), the unspecified address and
 * link-local addresses — a remote cluster running an import command with such a URL
 * would dial itself. Pure (used in the browser too).
 */
export function isReachableFromElsewhere(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  if (host === "localhost" || host.endsWith(".localhost") || host === "localhost.localdomain") return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return !/^(127\.|0\.|169\.254\.)/.test(host);
  if (host.includes(":")) return !(host === "::1" || host === "::" || /^fe[89ab][0-9a-f]?:/.test(host) || /^::ffff:(127\.|7f)/.test(host));
  return true;
}
