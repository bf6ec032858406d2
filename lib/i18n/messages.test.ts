import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./load-messages";
import { LOCALES, matchLocale } from "./locales";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

const DIR = path.join(__dirname, "messages");
function load(locale: (typeof LOCALES)[number]): Tree {
  return loadMessages(locale, DIR) as Tree;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1] ?? "").sort();
}

function lookup(tree: Tree, key: string): string {
  return key.split(".").reduce<Tree | string>((node, part) => (node as Tree)[part] ?? "", tree) as string;
}

describe("message catalogs", () => {
  it("has the same namespace files in every locale", () => {
    const names = (l: string) => fs.readdirSync(path.join(DIR, l)).sort();
    for (const locale of LOCALES) expect(names(locale), locale).toEqual(names("en"));
  });

  const catalogs = Object.fromEntries(LOCALES.map((l) => [l, load(l)]));
  const reference = keys(catalogs.en!).sort();

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the keys of en", (locale) => {
    const other = keys(catalogs[locale]!).sort();
    expect(other.filter((k) => !reference.includes(k)), "keys only in " + locale).toEqual([]);
    expect(reference.filter((k) => !other.includes(k)), "keys missing in " + locale).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s uses the same placeholders as en, and no empty strings", (locale) => {
    for (const key of reference) {
      const text = lookup(catalogs[locale]!, key);
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(text), key).toEqual(placeholders(lookup(catalogs.en!, key)));
    }
  });

  it("has a translation for every API error code", async () => {
    const { ERROR_STATUS } = await import("@/lib/shared/api/error-codes");
    for (const code of Object.keys(ERROR_STATUS)) expect(lookup(catalogs.en!, `errors.${code}`), code).not.toBe("");
  });
});

describe("matchLocale", () => {
  it.each([
    [null, "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans"],
    ["en-US,en;q=0.9,zh;q=0.8", "en"],
    ["fr-FR,zh-TW;q=0.5", "zh-Hans"],
    ["de", "en"],
    ["en;q=0.1,zh-Hans;q=0.9", "zh-Hans"],
  ])("%s → %s", (header, expected) => {
    expect(matchLocale(header)).toBe(expected);
  });
});
