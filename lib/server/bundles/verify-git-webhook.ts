import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a webhook delivery proves it knows the bundle's secret, the way Git hosts prove it:
 * GitHub (and Gitea, Forgejo) sign the raw body, `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>`;
 * GitLab sends the secret itself, `X-Gitlab-Token`. Both compared in constant time.
 */
export function verifyGitWebhook(headers: Headers, body: Buffer, secret: string): boolean {
  const signature = headers.get("x-hub-signature-256");
  if (signature !== null) {
    const match = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
    if (!match) return false;
    const expected = createHmac("sha256", secret).update(body).digest();
    return sameBytes(Buffer.from(match[1]!.toLowerCase(), "hex"), expected);
  }
  const token = headers.get("x-gitlab-token");
  if (token !== null) {
    // Hash both sides so the comparison does not depend on the lengths.
    const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
    return sameBytes(digest(token), digest(secret));
  }
  return false;
}
