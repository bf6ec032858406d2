import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Fails when a component renders user-visible text outside the message catalogs: JSX text
// or a text-bearing attribute (title, placeholder, aria-label, alt, label) given as a
// string literal. Parsed with the TypeScript compiler, so generics and code never count.
const ROOTS = ["app", "components"].map((d) => path.resolve(__dirname, "../..", d));
const TEXT_ATTRIBUTES = new Set(["title", "placeholder", "aria-label", "alt", "label"]);
/** Brand names and punctuation that are the same in every language. */
const ALLOWED = new Set(["Outpost", "—", "…", "·", "/", "×", ":"]);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith(".tsx") && !p.endsWith(".test.tsx") ? [p] : [];
  });
}

function findLiterals(source: string): string[] {
  const file = ts.createSourceFile("x.tsx", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (/\p{L}/u.test(text) && !ALLOWED.has(text)) found.push(text);
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(file);
      if (TEXT_ATTRIBUTES.has(name) && /\p{L}/u.test(node.initializer.text)) found.push(`${name}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no literal user-visible strings in components", () => {
  it("every .tsx under app/ and components/ (tests aside) takes its text from the catalogs", () => {
    const offenders: string[] = [];
    for (const root of ROOTS) {
      for (const file of files(root)) {
        offenders.push(...findLiterals(fs.readFileSync(file, "utf8")).map((l) => `${path.relative(path.dirname(root), file)}: ${l}`));
      }
    }
    expect(offenders).toEqual([]);
  });

  it("catches a literal when there is one", () => {
    expect(findLiterals(`const A = () => <p className="x">Delete cluster</p>;`)).toEqual(["Delete cluster"]);
    expect(findLiterals(`const A = () => <input placeholder="Search pods" />;`)).toEqual(['placeholder="Search pods"']);
    expect(findLiterals(`const A = () => <p>删除集群</p>;`)).toEqual(["删除集群"]);
    expect(findLiterals(`const A = () => <p>{t("ok")} · <b>Outpost</b></p>; function f<T>(x: T) { return x; }`)).toEqual([]);
  });
});
