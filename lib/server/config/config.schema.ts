import { z } from "zod";

const hostname = z
  .string()
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\d{1,3}(?:\.\d{1,3}){3}|\[?[0-9a-f:]+\]?)$/i,
    "must be a DNS name or an IP address",
  );

const portNumber = z.coerce
  .number({ message: "must be a number" })
  .int("must be an integer")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const positiveHours = z.coerce.number({ message: "must be a number" }).positive("must be greater than 0");

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

/**
 * Environment variables Outpost reads (see README "Configuration"). Each key is the
 * variable's name, so a validation error names the variable the user must fix.
 */
export const ZEnvSchema = z.object({
  OUTPOST_PORT: portNumber.default(8443),
  OUTPOST_BIND_ADDRESS: z.string().default("0.0.0.0"),
  OUTPOST_DATA_DIR: z.string().min(1).default("./.outpost"),
  OUTPOST_HOSTNAMES: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(hostname)),
  OUTPOST_SERVER_URL: optionalNonEmpty.pipe(
    z
      .url({ protocol: /^https$/, message: "must be an https:// URL" })
      .refine((u) => !/^https:\/\/[^/]*@/.test(u), "must not contain credentials")
      .optional(),
  ),
  OUTPOST_BOOTSTRAP_PASSWORD: optionalNonEmpty.pipe(
    z.string().min(12, "must be at least 12 characters").max(128, "must be at most 128 characters").optional(),
  ),
  DATABASE_URL: optionalNonEmpty.pipe(
    z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// or postgresql:// URL" }).optional(),
  ),
  OUTPOST_TLS_CERT_FILE: optionalNonEmpty,
  OUTPOST_TLS_KEY_FILE: optionalNonEmpty,
  OUTPOST_TLS_CA_FILE: optionalNonEmpty,
  OUTPOST_REGISTRATION_TOKEN_TTL_HOURS: positiveHours.default(7 * 24),
  OUTPOST_REGISTRATION_POLL_SECONDS: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1).max(3600).default(30),
  OUTPOST_TOKEN_ROTATION_GRACE_MINUTES: z.coerce.number({ message: "must be a number" }).min(0).max(7 * 24 * 60).default(60),
  OUTPOST_AGENT_IMAGE: optionalNonEmpty.pipe(
    z
      .string()
      .regex(/^[a-z0-9]+([._\/:@-][a-zA-Z0-9]+)*$/, "must be a container image reference like registry.example.com/outpost/agent:1.2.3")
      .optional(),
  ),
  OUTPOST_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number({ message: "must be a number" }).min(0).max(600).default(10),
  OUTPOST_SHELL_IDLE_TIMEOUT_MINUTES: z.coerce.number({ message: "must be a number" }).min(1).max(1440).default(15),
  OUTPOST_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  OUTPOST_REPLICA_ID: optionalNonEmpty.pipe(z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, "must be 1–100 letters, digits, '.', '_', ':' or '-'").optional()),
  OUTPOST_PEER_URL: optionalNonEmpty.pipe(
    z.url({ protocol: /^https$/, message: "must be an https:// URL" }).refine((u) => !/^https:\/\/[^/]*@/.test(u), "must not contain credentials").optional(),
  ),
  OUTPOST_METRICS_TOKEN: optionalNonEmpty.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  // Single sign-on with an OpenID provider (docs/SECURITY.md "Single sign-on"): on when the issuer is set.
  OUTPOST_OIDC_ISSUER: optionalNonEmpty.pipe(
    z.url({ protocol: /^https?$/, message: "must be an http(s):// URL" }).refine((u) => !/^https?:\/\/[^/]*@/.test(u), "must not contain credentials").optional(),
  ),
  OUTPOST_OIDC_CLIENT_ID: optionalNonEmpty,
  OUTPOST_OIDC_CLIENT_SECRET: optionalNonEmpty,
  OUTPOST_OIDC_NAME: optionalNonEmpty.pipe(z.string().max(60, "must be at most 60 characters").optional()),
  OUTPOST_OIDC_USERNAME_CLAIM: optionalNonEmpty,
  OUTPOST_OIDC_GROUPS_CLAIM: optionalNonEmpty,
  OUTPOST_OIDC_SCOPES: optionalNonEmpty,
});

export type TEnv = z.infer<typeof ZEnvSchema>;
