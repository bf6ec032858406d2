// @peculiar/x509 uses tsyringe, which needs the Reflect metadata polyfill loaded first.
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

/** A PEM certificate and its PKCS#8 private key. */
export interface PemPair {
  cert: string;
  key: string;
}

/** A test certificate authority that can issue loopback server and client certificates. */
export interface TestCa extends PemPair {
  issue(options: { commonName: string; server?: boolean; client?: boolean }): Promise<PemPair>;
}

async function keyPem(keys: CryptoKeyPair): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey as webcrypto.CryptoKey);
  return x509.PemConverter.encode(pkcs8, "PRIVATE KEY");
}

/**
 * Generates a fresh CA (ECDSA P-256) for one test file. Issued server certificates are valid
 * for 127.0.0.1 and localhost, so tests use real TLS verification on loopback.
 */
export async function makeTestCa(commonName: string): Promise<TestCa> {
  const caKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${commonName}`,
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    notBefore: new Date(Date.now() - 60_000),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return {
    cert: caCert.toString("pem"),
    key: await keyPem(caKeys),
    async issue({ commonName: cn, server = true, client = false }) {
      const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
      const usages: string[] = [];
      if (server) usages.push(x509.ExtendedKeyUsage.serverAuth);
      if (client) usages.push(x509.ExtendedKeyUsage.clientAuth);
      const cert = await x509.X509CertificateGenerator.create({
        subject: `CN=${cn}`,
        issuer: caCert.subject,
        publicKey: keys.publicKey,
        signingKey: caKeys.privateKey,
        signingAlgorithm: ALGORITHM,
        notBefore: new Date(Date.now() - 60_000),
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.ExtendedKeyUsageExtension(usages),
          new x509.SubjectAlternativeNameExtension([
            { type: "ip", value: "127.0.0.1" },
            { type: "dns", value: "localhost" },
          ]),
        ],
      });
      return { cert: cert.toString("pem"), key: await keyPem(keys) };
    },
  };
}
