import { createHash, X509Certificate } from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config/load-config";
import { caChecksum } from "./ca-checksum";
import { ensureConsoleTls } from "./ensure-console-tls";

const dirs: string[] = [];
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-tls-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("console TLS", () => {
  it("generates an ECDSA P-256 CA and a serving certificate for localhost, 127.0.0.1 and OUTPOST_HOSTNAMES", async () => {
    const config = loadConfig({ OUTPOST_DATA_DIR: tmp(), OUTPOST_HOSTNAMES: "console.example.com,10.9.8.7" });
    const tls = await ensureConsoleTls(config);
    const ca = new X509Certificate(tls.caPem);
    const leaf = new X509Certificate(tls.certPem);
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(ca.ca).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toContain("DNS:localhost");
    expect(leaf.subjectAltName).toContain("DNS:console.example.com");
    expect(leaf.subjectAltName).toContain("IP Address:127.0.0.1");
    expect(leaf.subjectAltName).toContain("IP Address:10.9.8.7");
    expect(fs.statSync(path.join(config.dataDir, "tls", "ca.key")).mode & 0o777).toBe(0o600);
  });

  it("reuses the CA on restart and re-issues only the serving certificate when names change", async () => {
    const dataDir = tmp();
    const first = await ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: dataDir }));
    const second = await ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: dataDir }));
    expect(second.caPem).toBe(first.caPem);
    expect(second.certPem).toBe(first.certPem);
    const third = await ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: dataDir, OUTPOST_HOSTNAMES: "new.example" }));
    expect(third.caPem).toBe(first.caPem);
    expect(third.certPem).not.toBe(first.certPem);
    expect(new X509Certificate(third.certPem).subjectAltName).toContain("DNS:new.example");
  });

  it("refuses to replace a half-missing CA silently", async () => {
    const dataDir = tmp();
    await ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: dataDir }));
    fs.rmSync(path.join(dataDir, "tls", "ca.key"));
    await expect(ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: dataDir }))).rejects.toThrow(/half of the console CA/);
  });

  it("computes the checksum as sha256 of the PEM with exactly one trailing newline", async () => {
    const tls = await ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: tmp() }));
    expect(tls.caPem.endsWith("\n")).toBe(true);
    expect(tls.caPem.endsWith("\n\n")).toBe(false);
    const expected = createHash("sha256").update(tls.caPem).digest("hex");
    expect(tls.caChecksum).toBe(expected);
    expect(caChecksum(tls.caPem.trimEnd())).toBe(expected);
    expect(caChecksum(tls.caPem + "\n\n")).toBe(expected);
    expect(caChecksum("")).toBe("");
  });

  it("serves HTTPS that a client trusting only the CA accepts", async () => {
    const tls = await ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: tmp() }));
    const server = https.createServer({ key: tls.keyPem, cert: tls.certPem }, (_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        https.get({ host: "127.0.0.1", port, servername: "localhost", ca: tls.caPem }, (res) => {
          let data = "";
          res.on("data", (c: Buffer) => (data += c.toString()));
          res.on("end", () => resolve(data));
        }).on("error", reject);
      });
      expect(body).toBe("ok");
    } finally {
      server.close();
    }
  });

  it("uses a provided certificate, and an empty checksum without a CA file", async () => {
    const generated = await ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: tmp() }));
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "c.pem"), generated.certPem);
    fs.writeFileSync(path.join(dir, "k.pem"), generated.keyPem);
    const provided = await ensureConsoleTls(
      loadConfig({ OUTPOST_DATA_DIR: tmp(), OUTPOST_TLS_CERT_FILE: path.join(dir, "c.pem"), OUTPOST_TLS_KEY_FILE: path.join(dir, "k.pem") }),
    );
    expect(provided.source).toBe("provided");
    expect(provided.caPem).toBe("");
    expect(provided.caChecksum).toBe("");
  });
});
