import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./load-messages";
import { TERM_EXEMPT, TERMS } from "./terminology";

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}
const DIR = path.join(__dirname, "messages");
const en = new Map(flatten(loadMessages("en", DIR) as Tree));
const zh = new Map(flatten(loadMessages("zh-Hans", DIR) as Tree));

describe("zh-Hans terminology (docs/I18N.md)", () => {
  it.each(Object.entries(TERMS))("%s has one translation everywhere", (_name, term) => {
    const wrong: string[] = [];
    for (const [key, english] of en) {
      if (TERM_EXEMPT.has(key)) continue;
      const chinese = zh.get(key) ?? "";
      // A second translation of the term anywhere in the catalog.
      for (const other of term.others) if (chinese.includes(other) && !english.includes(other)) wrong.push(`${key}: "${chinese}" uses "${other}", not "${term.zh}"`);
      // The term in English must come out as the one translation.
      if (term.en.test(english) && !chinese.includes(term.zh)) wrong.push(`${key}: "${english}" → "${chinese}" lacks "${term.zh}"`);
    }
    expect(wrong).toEqual([]);
  });

  it("gives one cluster state one word (badges, summaries and banners agree)", () => {
    const active = [...en].filter(([, v]) => v === "Active").map(([k]) => k).filter((k) => !k.startsWith("users."));
    expect(active.length).toBeGreaterThan(1);
    expect(new Set(active.map((k) => zh.get(k)))).toEqual(new Set([TERMS.active!.zh]));
  });
});
