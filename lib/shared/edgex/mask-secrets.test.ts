import { describe, expect, it } from "vitest";
import { isSecretKey, MASKED, maskSecrets } from "./mask-secrets";

describe("maskSecrets", () => {
  it("masks passwords, tokens, keys and credentials at any depth, keeping the rest", () => {
    const config = {
      Service: { Host: "edgex-core-data", Port: 59880 },
      Database: { Host: "edgex-redis", Username: "redis5", Password: "db-00c3729ca2e16e80" },
      SecretStore: { Type: "vault", TokenFile: "/tmp/edgex/secrets/core-data/secrets-token.json", Authentication: { AuthType: "X-Vault-Token", AuthToken: "hvs.7950005d5ba7c925" } },
      Writable: { InsecureSecrets: { DB: { SecretName: "redisdb", SecretData: { username: "redis5", password: "db-97fee7e64f4cd10b" } } } },
      Smtp: { Credentials: ["a", "b"], apiKey: "k-1", PrivateKey: "-----BEGIN" },
      Clients: [{ Host: "edgex-core-metadata", password: "x" }],
    };
    const masked = maskSecrets(config);
    expect(masked.Service).toEqual(config.Service);
    expect(masked.Database).toEqual({ Host: "edgex-redis", Username: "redis5", Password: MASKED });
    expect(masked.SecretStore.Authentication).toEqual({ AuthType: "X-Vault-Token", AuthToken: MASKED });
    expect(masked.SecretStore.TokenFile).toBe(MASKED);
    expect(masked.SecretStore.Type).toBe("vault"); // settings about the secret store are not secrets
    // Secret holders keep their shape, every leaf is masked.
    expect(masked.Writable.InsecureSecrets).toEqual({ DB: { SecretName: MASKED, SecretData: { username: MASKED, password: MASKED } } });
    expect(masked.Smtp).toEqual({ Credentials: [MASKED, MASKED], apiKey: MASKED, PrivateKey: MASKED });
    expect(masked.Clients).toEqual([{ Host: "edgex-core-metadata", password: MASKED }]);
    expect(JSON.stringify(masked)).not.toMatch(/hvs\.|db-[0-9a-f]{16}|k-1|BEGIN/);
    expect(config.Database.Password).toBe("db-00c3729ca2e16e80"); // input untouched
  });

  it("leaves empty values visible (they reveal nothing) and non-objects alone", () => {
    expect(maskSecrets({ Password: "", Token: null })).toEqual({ Password: "", Token: null });
    expect(maskSecrets("plain")).toBe("plain");
    expect(maskSecrets([1, { secret: 2 }])).toEqual([1, { secret: MASKED }]);
  });

  it("recognises secret keys in any case", () => {
    for (const k of ["password", "Passwd", "AuthToken", "SecretData", "apiKey", "credentials", "PWD"]) expect(isSecretKey(k), k).toBe(true);
    for (const k of ["Host", "Port", "Username", "AuthMode", "Type"]) expect(isSecretKey(k), k).toBe(false);
  });
});
