import "server-only";
import pkg from "@/package.json";

/** The console's version (package.json); the default agent image tag follows it. */
export const OUTPOST_VERSION: string = pkg.version;
