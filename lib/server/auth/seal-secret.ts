import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getRuntimeContext } from "../runtime/runtime-context";
import { loadAuthSecret } from "./auth-secret";

// Secrets the console must use again later (a Git token), encrypted at rest with
// AES-256-GCM under a key derived from the shared OUTPOST_AUTH_SECRET, so every replica
// can open them and a database dump alone reveals nothing. Format: v1.<iv>.<tag>.<data>
// (base64url).

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", loadAuthSecret(getRuntimeContext().config.dataDir), "outpost", "outpost-sealed-secret-v1", 32));
}

/** Encrypts a secret for storage. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** Decrypts a stored secret; throws when it was sealed under another key or altered. */
export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("sealed secret: unknown format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
