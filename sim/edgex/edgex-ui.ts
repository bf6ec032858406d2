import { commonRoutes } from "./common-routes";
import type { Route } from "./router";
import { RELEASE_VERSION } from "./service-catalog";
import type { EdgexRelease } from "./types";

// edgex-ui (4000): the single-page console EdgeX ships, reduced to a small static page.

function page(version: string): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    "<title>EdgeX Console</title>",
    '<base href="/">',
    "</head>",
    "<body>",
    `<app-root data-edgex-version="${version}">EdgeX Foundry ${version} console (simulated)</app-root>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Route table of edgex-ui. */
export function edgexUiRoutes(release: EdgexRelease): Route[] {
  const html = page(RELEASE_VERSION[release]);
  const serve: Route["handler"] = () => ({
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: html,
  });
  return [
    ...commonRoutes(),
    { method: "GET", path: "/", handler: serve },
    { method: "GET", path: "/index.html", handler: serve },
  ];
}
