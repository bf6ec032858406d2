import "server-only";
import { redactText } from "../audit/redact-secrets";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const level = process.env.OUTPOST_LOG_LEVEL as Level | undefined;
  return ORDER[level ?? "info"] ?? ORDER.info;
}

function write(level: Level, message: string): void {
  if (ORDER[level] < threshold()) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${redactText(message)}`;
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

/** Line logger for the console process; every line is redacted (tokens never reach logs). */
export const log = {
  debug: (message: string) => write("debug", message),
  info: (message: string) => write("info", message),
  warn: (message: string) => write("warn", message),
  error: (message: string) => write("error", message),
};
