/** Severity of a log line. */
export type LogLevel = "info" | "warn" | "error";

/** One-line structured logger that never prints a registered secret. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  /** Registers a value (token, credential) that must never appear in a log line. */
  addSecret(value: string | undefined): void;
  /** Removes registered secrets from any text (used for the fatal message on stderr). */
  redact(text: string): string;
}

const REDACTED = "[redacted]";

/**
 * Creates the agent logger: one JSON object per line on stdout (`{time, level, event, …}`).
 * Every line is scrubbed of registered secrets as a last line of defence; callers still never
 * pass secrets on purpose.
 */
export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const secrets = new Set<string>();
  const redact = (text: string) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out;
  };
  const log = (level: LogLevel, event: string, fields: Record<string, unknown> = {}) => {
    write(`${redact(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }))}\n`);
  };
  return {
    info: (event, fields) => log("info", event, fields),
    warn: (event, fields) => log("warn", event, fields),
    error: (event, fields) => log("error", event, fields),
    redact,
    addSecret(value) {
      // Very short values would redact ordinary words; real tokens are long.
      if (value && value.length >= 8) {
        secrets.add(value);
        const json = JSON.stringify(value).slice(1, -1);
        if (json !== value) secrets.add(json);
      }
    },
  };
}

/** Message of an unknown error, for log fields. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
