// Lets Node processes outside Next.js (server.ts, scripts, the simulator) load
// lib/server/** modules. Their first line is `import "server-only"`, which throws unless
// the bundler resolves it with the "react-server" condition. Next's own bundles keep the
// real guard; this only maps the bare specifier to an empty module in plain Node.
const Module = require("node:module");
const path = require("node:path");

const empty = path.join(__dirname, "server-only-empty.cjs");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "server-only") return empty;
  return resolve.call(this, request, ...rest);
};
