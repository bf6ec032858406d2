import { hash32 } from "./prng";
import { MAX_RESULT_COUNT, type ServiceSpec } from "./service-catalog";
import type { EdgexRelease } from "./types";

// What GET /api/v3/config returns: the service's effective configuration in EdgeX's
// layout. It deliberately carries secret-looking values (database and message-bus
// credentials, a secret-store token, SMTP password) so the console's masking is testable.
// They are fake, derived from the seed, and never used for anything.

type Json = Record<string, unknown>;

function fakeSecret(seed: number, ...parts: string[]): string {
  return `${hash32(seed, ...parts).toString(16).padStart(8, "0")}${hash32(seed, ...parts, "2").toString(16).padStart(8, "0")}`;
}

function client(host: string, port: number): Json {
  return { Host: host, Port: port, Protocol: "http" };
}

function common(s: ServiceSpec, release: EdgexRelease, seed: number): Json {
  const v3 = release === "3.1";
  return {
    Writable: {
      LogLevel: "INFO",
      InsecureSecrets: {
        DB: {
          SecretName: v3 ? "redisdb" : "postgres",
          SecretData: { username: v3 ? "redis5" : "postgres", password: `db-${fakeSecret(seed, s.key, "db")}` },
        },
      },
      Telemetry: { Interval: "30s", Metrics: {}, Tags: { Gateway: "edge-site" } },
    },
    Service: {
      HealthCheckInterval: "10s",
      Host: s.name,
      Port: s.port,
      ServerBindAddr: "",
      StartupMsg: s.startupMsg,
      MaxResultCount: MAX_RESULT_COUNT,
      MaxRequestSize: 0,
      RequestTimeout: "5s",
      EnableNameFieldEscape: false,
      CORSConfiguration: { EnableCORS: false, CORSAllowedOrigin: "https://localhost", CORSMaxAge: 3600 },
    },
    Registry: v3
      ? { Host: "edgex-core-consul", Port: 8500, Type: "consul" }
      : { Host: "edgex-core-keeper", Port: 59890, Type: "keeper" },
    MessageBus: v3
      ? { Protocol: "redis", Host: "edgex-redis", Port: 6379, Type: "redis", AuthMode: "usernamepassword", SecretName: "redisdb", BaseTopicPrefix: "edgex", Disabled: false }
      : { Protocol: "tcp", Host: "edgex-mqtt-broker", Port: 1883, Type: "mqtt", AuthMode: "usernamepassword", SecretName: "message-bus", BaseTopicPrefix: "edgex", Disabled: false },
    SecretStore: {
      Type: v3 ? "vault" : "openbao",
      Host: v3 ? "edgex-vault" : "edgex-secret-store",
      Port: 8200,
      StoreName: s.key,
      Protocol: "http",
      RootCaCertPath: "",
      ServerName: "",
      TokenFile: `/tmp/edgex/secrets/${s.key}/secrets-token.json`,
      Authentication: { AuthType: "X-Vault-Token", AuthToken: `hvs.${fakeSecret(seed, s.key, "token")}` },
    },
  };
}

function database(release: EdgexRelease, seed: number, name: string): Json {
  const base = release === "3.1"
    ? { Host: "edgex-redis", Port: 6379, Type: "redisdb", Name: name }
    : { Host: "edgex-postgres", Port: 5432, Type: "postgres", Name: "edgex_db" };
  return { ...base, Timeout: "5s", Username: release === "3.1" ? "redis5" : "postgres", Password: `db-${fakeSecret(seed, name, "dbpass")}` };
}

function specific(s: ServiceSpec, release: EdgexRelease, seed: number): Json {
  switch (s.kind) {
    case "core-data":
      return {
        Database: database(release, seed, "coredata"),
        MaxEventSize: 25000,
        Retention: { Enabled: true, Interval: "30s", MaxCap: 10000, MinCap: 8000 },
        Clients: { "core-metadata": client("edgex-core-metadata", 59881) },
      };
    case "core-metadata":
      return {
        Database: database(release, seed, "metadata"),
        Notifications: { PostDeviceChanges: false, Content: "Metadata notice: ", Sender: "core-metadata", Description: "Metadata change notice", Label: "metadata" },
        UoM: { Validation: false, UoMFile: "./res/uom.yaml" },
        Clients: { "support-notifications": client("edgex-support-notifications", 59860) },
      };
    case "core-command":
      return {
        ExternalMQTT: { Enabled: false, Url: "tcp://localhost:1883", ClientId: "core-command", QoS: 0, AuthMode: "none", SecretName: "mqtt-bus" },
        Clients: { "core-metadata": client("edgex-core-metadata", 59881) },
      };
    case "support-notifications":
      return {
        Database: database(release, seed, "notifications"),
        Smtp: { Host: "smtp.example.com", Port: 587, Sender: "edgex@example.com", EnableSelfSignedCert: false, SecretName: "smtp", AuthMode: "usernamepassword", Subject: "EdgeX Notification" },
        Writable: { ResendLimit: 2, ResendInterval: "5s", InsecureSecrets: { SMTP: { SecretName: "smtp", SecretData: { username: "edgex@example.com", password: `smtp-${fakeSecret(seed, "smtp")}` } } } },
      };
    case "support-scheduler":
      return release === "3.1"
        ? { Database: database(release, seed, "scheduler"), ScheduleIntervalTime: 500 }
        : { Database: database(release, seed, "scheduler"), Retention: { Enabled: true, Interval: "24h", MaxCap: 10000, MinCap: 8000 } };
    case "core-keeper":
      return { Database: database(release, seed, "keeper") };
    case "device-virtual":
    case "device-rest":
      return {
        Device: { DataTransform: true, MaxCmdOps: 128, MaxCmdValueLen: 256, ProfilesDir: "./res/profiles", DevicesDir: "./res/devices", EnableAsyncReadings: true, AsyncBufferSize: 16, Discovery: { Enabled: false, Interval: "30s" } },
        Clients: { "core-metadata": client("edgex-core-metadata", 59881) },
      };
    case "ui":
      return { Clients: { "core-data": client("edgex-core-data", 59880), "core-metadata": client("edgex-core-metadata", 59881), "core-command": client("edgex-core-command", 59882) } };
  }
}

function merge(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    const bothObjects = prev && v && typeof prev === "object" && typeof v === "object" && !Array.isArray(prev) && !Array.isArray(v);
    out[k] = bothObjects ? merge(prev as Json, v as Json) : v;
  }
  return out;
}

/** The `config` object of a service's /api/v3/config response. */
export function serviceConfig(s: ServiceSpec, release: EdgexRelease, seed: number): Json {
  return merge(common(s, release, seed), specific(s, release, seed));
}
