// Dev/test tool: adds synthetic clusters (with snapshots, alerts and site coordinates) to
// the database of a console — to see the fleet wall or the fleet pages at scale — or
// removes them again. Set-based SQL: 10,000 clusters in about a second.
//   npm run seed:fleet -- --count 10000 [--prefix syn-] [--region name] [--data-dir .outpost]
//   npm run seed:fleet -- --remove [--prefix syn-] [--data-dir .outpost]
// The database is DATABASE_URL, else the embedded one of the console on --data-dir
// (default: the console's own, from its configuration); the console may be running.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../lib/server/config/load-config";
import { embeddedPostgresUrl } from "../lib/server/db/embedded-postgres";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { count: { type: "string" }, prefix: { type: "string", default: "syn-" }, "data-dir": { type: "string" }, remove: { type: "boolean", default: false }, region: { type: "string" } },
  });
  const count = Number(values.count ?? 0);
  if (!values.remove && !(Number.isInteger(count) && count > 0 && count <= 99_999)) throw new Error("--count must be a whole number from 1 to 99999 (or use --remove)");
  if (!/^[a-z0-9-]{1,20}$/.test(values.prefix)) throw new Error("--prefix must be lowercase letters, digits and '-' (at most 20)");
  if (!process.env.DATABASE_URL) {
    const dataDir = values["data-dir"] ? path.resolve(values["data-dir"]) : loadConfig().dataDir;
    const url = embeddedPostgresUrl(dataDir);
    if (!url) throw new Error(`no embedded database under ${dataDir} (start the console once, or set DATABASE_URL)`);
    process.env.DATABASE_URL = url;
  }
  const { removeSyntheticFleet, seedSyntheticFleet } = await import("../lib/server/fleet/seed-synthetic-fleet");
  const { prisma } = await import("../lib/server/db/prisma");
  try {
    if (values.remove) console.log(`removed ${await removeSyntheticFleet(values.prefix)} synthetic clusters (${values.prefix}*)`);
    else {
      await seedSyntheticFleet(count, { prefix: values.prefix, region: values.region });
      console.log(`added ${count} synthetic clusters (${values.prefix}00001 …)`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`seed-fleet: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
