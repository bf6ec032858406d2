import "server-only";
import fs from "node:fs";
import path from "node:path";
import { ApiError } from "../http/api-error";
import { getRuntimeContext } from "../runtime/runtime-context";
import { certificateCovers, certificateNames, issueServingCertificate } from "./generate-certificates";
import { updateServingTls } from "./serving-tls-updater";

/**
 * Makes the serving certificate cover `host`. A generated certificate that lacks it is
 * re-issued from the console CA (same CA: pinned agents keep trusting it) with the names it
 * had plus `host`, written to the data directory and installed on the running server, so the
 * next start keeps it. A certificate from OUTPOST_TLS_CERT_FILE cannot be re-issued: 422.
 * @returns whether a certificate was issued.
 */
export async function coverServingName(host: string): Promise<boolean> {
  const { config } = getRuntimeContext();
  const name = host.replace(/^\[|\]$/g, "");
  if (config.tls.certFile) {
    const pem = fs.readFileSync(config.tls.certFile, "utf8");
    if (certificateCovers(pem, [name], 0)) return false;
    throw new ApiError("validation_failed", `The certificate in OUTPOST_TLS_CERT_FILE does not cover ${name}`, { fields: { url: "certificate" } });
  }
  const dir = path.join(config.dataDir, "tls");
  const certFile = path.join(dir, "tls.crt");
  const current = fs.readFileSync(certFile, "utf8");
  if (certificateCovers(current, [name])) return false;
  const ca = { certPem: fs.readFileSync(path.join(dir, "ca.crt"), "utf8"), keyPem: fs.readFileSync(path.join(dir, "ca.key"), "utf8") };
  const names = [...new Set([...config.hostnames, ...certificateNames(current), name])];
  const serving = await issueServingCertificate(ca, names);
  for (const [file, content, mode] of [[path.join(dir, "tls.key"), serving.keyPem, 0o600], [certFile, serving.certPem, 0o644]] as const) {
    fs.writeFileSync(`${file}.tmp-${process.pid}`, content, { mode });
    fs.renameSync(`${file}.tmp-${process.pid}`, file);
  }
  updateServingTls(serving);
  return true;
}
