// The EdgeX services the console knows: their key (the `org.edgexfoundry.service` label
// value, or the Service name without `edgex-`), their default ports per release line, and
// how to probe them. Anything else found in a cluster is listed generically.

/** How a service is probed: `v3` = EdgeX REST (`/api/v3/ping`, `/version`, `/config`); `http` = a 2xx on `/`; `none` = not probed. */
export type TEdgexProbeKind = "v3" | "http" | "none";

export interface TEdgexCatalogEntry {
  key: string;
  /** Display name (an EdgeX term, the same in every language). */
  title: string;
  /** Default port for 3.x and 4.x (they differ only for support-scheduler). */
  ports: { "3": number; "4": number };
  probe: TEdgexProbeKind;
  /** Other keys or names under which deployments (Helm charts, compose files) run it. */
  aliases?: string[];
}

/** Known EdgeX services (issue 6 list plus common aliases). */
export const EDGEX_CATALOG: readonly TEdgexCatalogEntry[] = [
  { key: "core-data", title: "Core Data", ports: { "3": 59880, "4": 59880 }, probe: "v3" },
  { key: "core-metadata", title: "Core Metadata", ports: { "3": 59881, "4": 59881 }, probe: "v3" },
  { key: "core-command", title: "Core Command", ports: { "3": 59882, "4": 59882 }, probe: "v3" },
  { key: "core-keeper", title: "Core Keeper", ports: { "3": 59890, "4": 59890 }, probe: "v3" },
  { key: "support-notifications", title: "Support Notifications", ports: { "3": 59860, "4": 59860 }, probe: "v3" },
  { key: "support-scheduler", title: "Support Scheduler", ports: { "3": 59861, "4": 59863 }, probe: "v3" },
  { key: "device-virtual", title: "Device Virtual", ports: { "3": 59900, "4": 59900 }, probe: "v3" },
  { key: "device-modbus", title: "Device Modbus", ports: { "3": 59901, "4": 59901 }, probe: "v3" },
  { key: "device-mqtt", title: "Device MQTT", ports: { "3": 59982, "4": 59982 }, probe: "v3" },
  { key: "device-rest", title: "Device REST", ports: { "3": 59986, "4": 59986 }, probe: "v3" },
  { key: "app-rules-engine", title: "App Rules Engine", ports: { "3": 59701, "4": 59701 }, probe: "v3", aliases: ["app-service-rules", "app-rules"] },
  { key: "ekuiper", title: "eKuiper", ports: { "3": 59720, "4": 59720 }, probe: "http", aliases: ["kuiper", "rules-engine"] },
  { key: "ui", title: "EdgeX UI", ports: { "3": 4000, "4": 4000 }, probe: "http", aliases: ["ui-go", "edgex-ui"] },
];

const BY_KEY = new Map<string, TEdgexCatalogEntry>();
for (const entry of EDGEX_CATALOG) {
  BY_KEY.set(entry.key, entry);
  for (const alias of entry.aliases ?? []) BY_KEY.set(alias, entry);
}

/** Normalises a label value or Service name to a catalogue key (`edgex-core-data` → `core-data`). */
export function edgexKeyOf(nameOrLabel: string): string {
  return nameOrLabel.trim().toLowerCase().replace(/^edgex-/, "");
}

/** The catalogue entry for a label value or Service name, or undefined for an unknown service. */
export function findEdgexCatalogEntry(nameOrLabel: string): TEdgexCatalogEntry | undefined {
  return BY_KEY.get(edgexKeyOf(nameOrLabel));
}

/** Every default port of an entry (both release lines), most recent first. */
export function defaultPortsOf(entry: TEdgexCatalogEntry): number[] {
  return [...new Set([entry.ports["4"], entry.ports["3"]])];
}
