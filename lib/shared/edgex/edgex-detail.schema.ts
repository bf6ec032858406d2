// Response types of the EdgeX detail routes (device, readings, events, commands, config).
import type { TEdgexDeviceRow, TEdgexFailure, TEdgexPage } from "./edgex-api.schema";
import type { TEdgexCoreCommand, TEdgexDeviceService, TEdgexProfile } from "./edgex-envelopes.schema";
import type { TEdgexEventView, TEdgexReadingView } from "./reading-values";

/** `GET …/edgex/devices/{device}`: the device, its profile (resources, commands) and core-command's commands. */
export interface TEdgexDeviceDetail {
  device: (TEdgexDeviceRow & { autoEvents: Array<{ interval: string | null; sourceName: string | null }> }) | null;
  profile: TEdgexProfile | null;
  commands: TEdgexCoreCommand[] | null;
  failures: { device: TEdgexFailure | null; profile: TEdgexFailure | null; commands: TEdgexFailure | null };
}

/** `GET …/edgex/readings` */
export interface TEdgexReadingList {
  items: TEdgexReadingView[];
  totalCount: number;
  failure: TEdgexFailure | null;
}

/** `GET …/edgex/events` */
export interface TEdgexEventList {
  items: TEdgexEventView[];
  totalCount: number;
  failure: TEdgexFailure | null;
}

/** `GET …/edgex/devices/{device}/commands/{command}`: a read command's values. */
export interface TEdgexReadResult {
  device: string;
  command: string;
  readings: TEdgexReadingView[];
  failure: TEdgexFailure | null;
}

/** `PUT …/edgex/devices/{device}/commands/{command}` */
export interface TEdgexSetResult {
  ok: boolean;
  device: string;
  command: string;
  /** What was sent to EdgeX (SettingRequest: every value a string). */
  values: Record<string, string>;
  failure: TEdgexFailure | null;
}

/** `GET …/edgex/services/{namespace}/{name}/config`: configuration with secrets masked. */
export interface TEdgexServiceConfig {
  namespace: string;
  name: string;
  key: string;
  config: Record<string, unknown> | null;
  failure: TEdgexFailure | null;
}

export type TEdgexProfilePage = TEdgexPage<TEdgexProfile>;
export type TEdgexDeviceServicePage = TEdgexPage<TEdgexDeviceService>;
