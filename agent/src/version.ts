declare const __OUTPOST_AGENT_VERSION__: string | undefined;

/**
 * Agent version reported to the console. The bundle gets it from package.json at build time
 * (esbuild `define`); running from source (tests, tsx) falls back to "dev".
 */
export const AGENT_VERSION: string =
  typeof __OUTPOST_AGENT_VERSION__ === "string" ? __OUTPOST_AGENT_VERSION__ : "0.0.0-dev";
