import "server-only";
import fs from "node:fs";
import path from "node:path";

interface Template {
  label: string;
  pattern: RegExp;
  /** Static segments first, so `/clusters/new` wins over `/clusters/[id]`. */
  rank: number;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `/(console)/clusters/[id]/page` → `/clusters/:id`, matching one path segment per `[x]`. */
export function templateOf(appPath: string): Template | undefined {
  const segments = appPath.split("/").filter(Boolean);
  const last = segments.pop();
  if (last !== "page" && last !== "route") return undefined;
  const visible = segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  let pattern = "";
  let rank = 0;
  const label = visible.map((s) => {
    const optionalRest = s.match(/^\[\[\.\.\.(.+)\]\]$/);
    const rest = s.match(/^\[\.\.\.(.+)\]$/);
    const param = s.match(/^\[(.+)\]$/);
    if (optionalRest) {
      pattern += "(?:/.*)?";
      return "*";
    }
    if (rest) {
      pattern += "/.+";
      return "*";
    }
    if (param) {
      pattern += "/[^/]+";
      return `:${param[1]}`;
    }
    pattern += "/" + escape(s);
    rank += 1;
    return s;
  });
  return { label: "/" + label.join("/").replace(/\/\*$/, "/*"), pattern: new RegExp(`^${pattern || ""}/?$`), rank };
}

/**
 * Maps request paths to route templates for metric labels (`/api/v1/clusters/:id`), so a
 * label never carries an id or a name: the templates come from Next's build manifest
 * (`.next/server/app-paths-manifest.json`), plus the console's raw routes. Paths that match
 * no route are labelled `unmatched`, so probing random URLs cannot grow the label set.
 */
export class RouteLabeler {
  private readonly templates: Template[];

  constructor(appPaths: string[]) {
    const raw = ["/k8s/clusters/[id]/[...path]/route", "/v3/connect/route", "/metrics/route"];
    this.templates = [...appPaths, ...raw]
      .map(templateOf)
      .filter((t): t is Template => t !== undefined)
      .sort((a, b) => b.rank - a.rank);
  }

  static fromBuild(root: string): RouteLabeler {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/app-paths-manifest.json"), "utf8")) as Record<string, string>;
      return new RouteLabeler(Object.keys(manifest));
    } catch {
      return new RouteLabeler([]);
    }
  }

  label(pathname: string): string {
    if (pathname.startsWith("/_next/")) return "/_next/*";
    for (const t of this.templates) if (t.pattern.test(pathname)) return t.label;
    return "unmatched";
  }
}
