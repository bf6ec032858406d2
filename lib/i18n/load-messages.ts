import fs from "node:fs";
import path from "node:path";
import type { TLocale } from "./locales";

export type Messages = Record<string, unknown>;

/** Folder of the catalogs: one JSON file per namespace (`users.json` → `t("users.…")`). */
export const MESSAGES_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "i18n", "messages");

const cache = new Map<TLocale, Messages>();

/**
 * Loads a locale's catalog: every `lib/i18n/messages/<locale>/<namespace>.json`, keyed by
 * namespace. One file per namespace lets features add strings without touching each
 * other's files. Cached after the first read (restart to pick up edits in production).
 */
export function loadMessages(locale: TLocale, dir = MESSAGES_DIR): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const folder = path.join(dir, locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".json")).sort()) {
    messages[file.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as unknown;
  }
  cache.set(locale, messages);
  return messages;
}
