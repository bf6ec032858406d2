// The URL patterns of the app router's pages or route handlers, read from app/ (route
// groups dropped): "/clusters/[id]/pods". Plain file-system code, usable from vitest and
// Playwright alike.
import fs from "node:fs";
import path from "node:path";

export const APP_DIR = path.resolve(__dirname, "../../app");

/** Every folder under app/ holding `file`, as its URL pattern. */
export function appPatterns(file: "page.tsx" | "route.ts"): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === file ? [dir] : []));
  return walk(APP_DIR).map(
    (dir) =>
      "/" +
      path
        .relative(APP_DIR, dir)
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .join("/"),
  );
}

/** `pattern` with every dynamic segment filled with `id`, the one at index `bad` with `segment`. */
export function fillPattern(pattern: string, id: string, bad: number, segment: string): string {
  let i = -1;
  return pattern.replace(/\[[^\]]+\]/g, () => (++i === bad ? segment : id));
}

/** How many dynamic segments `pattern` has. */
export function dynamicSegments(pattern: string): number {
  return (pattern.match(/\[[^\]]+\]/g) ?? []).length;
}
