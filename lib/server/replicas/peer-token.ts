import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { loadAuthSecret } from "../auth/auth-secret";
import { getRuntimeContext } from "../runtime/runtime-context";

function token(): string {
  return createHmac("sha256", loadAuthSecret(getRuntimeContext().config.dataDir)).update("outpost-peer-dial-v1").digest("hex");
}

/** The bearer token replicas present to each other: derived from the shared OUTPOST_AUTH_SECRET. */
export function peerToken(): string {
  return token();
}

/** Constant-time check of a presented peer token. */
export function isPeerToken(presented: string): boolean {
  const expected = Buffer.from(token());
  const got = Buffer.from(presented);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
