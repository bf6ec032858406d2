import { createHash } from "node:crypto";

/** The CA PEM exactly as served at /cacerts: one trailing newline, no more, no less. */
export function normaliseCaPem(pem: string): string {
  return pem.replace(/\s+$/, "") + "\n";
}

/**
 * CA checksum carried by import commands: lowercase hex SHA-256 of the CA PEM as served
 * at /cacerts (normalised to one trailing newline). Empty for a publicly trusted
 * console certificate (no CA PEM): agents then use the system roots.
 */
export function caChecksum(caPem: string | undefined): string {
  if (!caPem || caPem.trim() === "") return "";
  return createHash("sha256").update(normaliseCaPem(caPem)).digest("hex");
}
