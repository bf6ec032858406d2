import { createHash } from "node:crypto";
import { FatalError } from "./fatal-error";
import type { ConsoleTrust } from "./request-console";
import { requestConsole } from "./request-console";

/**
 * The CA checksum: lowercase hex SHA-256 of the PEM normalised to exactly one trailing "\n"
 * (every trailing "\n" stripped, one added), so "PEM", "PEM\n" and "PEM\n\n" agree. The
 * console computes the same over the bytes it serves at /cacerts.
 */
export function caChecksum(pem: string): string {
  return createHash("sha256").update(`${pem.replace(/\n+$/, "")}\n`, "utf8").digest("hex");
}

/**
 * Decides how the agent trusts the console. With a checksum: fetch `/cacerts` WITHOUT
 * verification, compare, and pin that CA (only it) for every later TLS connection; a mismatch
 * is fatal and happens before the registration token is sent anywhere. Without a checksum:
 * the system roots. Network errors propagate so the caller can retry.
 * @throws FatalError on a checksum mismatch or an empty CA.
 */
export async function resolveConsoleTrust(server: string, expected: string | undefined): Promise<ConsoleTrust> {
  if (!expected) return { ca: undefined };
  const response = await requestConsole(`${server}/cacerts`, { trust: { ca: undefined }, insecure: true });
  if (response.status !== 200) throw new Error(`GET /cacerts answered ${response.status}`);
  const served = caChecksum(response.body);
  if (response.body.trim() === "" || served !== expected) {
    throw new FatalError(`CA checksum mismatch: console serves ${served}, expected ${expected}`);
  }
  return { ca: response.body };
}
