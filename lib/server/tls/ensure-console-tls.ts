import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { OutpostConfig } from "../config/load-config";
import { caChecksum, normaliseCaPem } from "./ca-checksum";
import { certificateCovers, generateCa, issueServingCertificate } from "./generate-certificates";

export interface ConsoleTls {
  certPem: string;
  keyPem: string;
  /** CA PEM served at /cacerts ("" when the certificate is publicly trusted). */
  caPem: string;
  caChecksum: string;
  source: "generated" | "provided";
}

function readFile(file: string, variable: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`${variable}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function writePrivate(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Loads or creates the console's TLS material. Bring-your-own certificate and key (and
 * optionally CA) through OUTPOST_TLS_*; otherwise a CA is generated once under
 * `<dataDir>/tls` and NEVER replaced (agents pin it by checksum), and the serving
 * certificate is re-issued from it when the configured names change or it nears expiry.
 */
export async function ensureConsoleTls(config: OutpostConfig, log: (line: string) => void = () => undefined): Promise<ConsoleTls> {
  if (config.tls.certFile && config.tls.keyFile) {
    const caPem = config.tls.caFile ? normaliseCaPem(readFile(config.tls.caFile, "OUTPOST_TLS_CA_FILE")) : "";
    return {
      certPem: readFile(config.tls.certFile, "OUTPOST_TLS_CERT_FILE"),
      keyPem: readFile(config.tls.keyFile, "OUTPOST_TLS_KEY_FILE"),
      caPem,
      caChecksum: caChecksum(caPem),
      source: "provided",
    };
  }

  const dir = path.join(config.dataDir, "tls");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caCertFile = path.join(dir, "ca.crt");
  const caKeyFile = path.join(dir, "ca.key");
  const certFile = path.join(dir, "tls.crt");
  const keyFile = path.join(dir, "tls.key");

  let ca: { certPem: string; keyPem: string };
  if (fs.existsSync(caCertFile) && fs.existsSync(caKeyFile)) {
    ca = { certPem: fs.readFileSync(caCertFile, "utf8"), keyPem: fs.readFileSync(caKeyFile, "utf8") };
  } else if (fs.existsSync(caCertFile) || fs.existsSync(caKeyFile)) {
    throw new Error(`${dir} holds only half of the console CA (ca.crt / ca.key). Restore the missing file; a new CA would break every enrolled agent.`);
  } else {
    ca = await generateCa();
    writePrivate(caKeyFile, ca.keyPem);
    fs.writeFileSync(caCertFile, ca.certPem);
    log(`Generated the console CA in ${caCertFile}`);
  }

  let serving: { certPem: string; keyPem: string } | undefined;
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const certPem = fs.readFileSync(certFile, "utf8");
    if (certificateCovers(certPem, config.hostnames)) serving = { certPem, keyPem: fs.readFileSync(keyFile, "utf8") };
  }
  if (!serving) {
    serving = await issueServingCertificate(ca, config.hostnames);
    writePrivate(keyFile, serving.keyPem);
    fs.writeFileSync(certFile, serving.certPem);
    log(`Issued a serving certificate for ${config.hostnames.join(", ")}`);
  }
  const caPem = normaliseCaPem(ca.certPem);
  return { ...serving, caPem, caChecksum: caChecksum(caPem), source: "generated" };
}
