// zod schemas of the EdgeX v3 REST envelopes the console reads (EdgeX 3.1 Napa and 4.0
// Odessa share them, per the services' own OpenAPI specs). Lenient where the specs and
// real services disagree (optional fields), strict where we rely on a field.
import { z } from "zod";

const str = z.string();
const optStr = z.string().optional();
const labels = z.array(z.string()).nullish().transform((v) => v ?? []);

/** `GET /api/v3/ping` */
export const ZEdgexPingSchema = z.object({ apiVersion: optStr, timestamp: optStr, serviceName: optStr });
/** `GET /api/v3/version` (device services add `sdk_version`). */
export const ZEdgexVersionSchema = z.object({ apiVersion: optStr, version: str, serviceName: optStr, sdk_version: optStr });
/** `GET /api/v3/config` */
export const ZEdgexConfigSchema = z.object({ apiVersion: optStr, serviceName: optStr, config: z.record(z.string(), z.unknown()) });

const multi = { apiVersion: optStr, statusCode: z.number().optional(), totalCount: z.number().int().optional() };

export const ZEdgexAutoEventSchema = z.object({ interval: optStr, onChange: z.boolean().optional(), sourceName: optStr });

export const ZEdgexDeviceSchema = z.object({
  id: optStr,
  name: str,
  description: optStr,
  adminState: optStr,
  operatingState: optStr,
  labels,
  serviceName: optStr,
  profileName: optStr,
  parent: optStr,
  autoEvents: z.array(ZEdgexAutoEventSchema).nullish(),
  created: z.number().optional(),
  modified: z.number().optional(),
});
export type TEdgexDevice = z.infer<typeof ZEdgexDeviceSchema>;
export const ZEdgexMultiDevicesSchema = z.object({ ...multi, devices: z.array(ZEdgexDeviceSchema).nullish().transform((v) => v ?? []) });
export const ZEdgexDeviceResponseSchema = z.object({ apiVersion: optStr, device: ZEdgexDeviceSchema });

const num = z.union([z.number(), z.string()]).optional();

export const ZEdgexResourcePropertiesSchema = z.object({
  valueType: str,
  readWrite: z.string().default("R"),
  units: optStr,
  minimum: num,
  maximum: num,
  defaultValue: optStr,
  mediaType: optStr,
});
export const ZEdgexDeviceResourceSchema = z.object({
  name: str,
  description: optStr,
  isHidden: z.boolean().optional(),
  properties: ZEdgexResourcePropertiesSchema,
});
export type TEdgexDeviceResource = z.infer<typeof ZEdgexDeviceResourceSchema>;
export const ZEdgexResourceOperationSchema = z.object({ deviceResource: str, defaultValue: optStr, mappings: z.record(z.string(), z.string()).optional() });
export const ZEdgexDeviceCommandSchema = z.object({
  name: str,
  isHidden: z.boolean().optional(),
  readWrite: str,
  resourceOperations: z.array(ZEdgexResourceOperationSchema).nullish().transform((v) => v ?? []),
});
export type TEdgexDeviceCommand = z.infer<typeof ZEdgexDeviceCommandSchema>;
export const ZEdgexProfileSchema = z.object({
  id: optStr,
  name: str,
  description: optStr,
  manufacturer: optStr,
  model: optStr,
  labels,
  deviceResources: z.array(ZEdgexDeviceResourceSchema).nullish().transform((v) => v ?? []),
  deviceCommands: z.array(ZEdgexDeviceCommandSchema).nullish().transform((v) => v ?? []),
});
export type TEdgexProfile = z.infer<typeof ZEdgexProfileSchema>;
export const ZEdgexMultiProfilesSchema = z.object({ ...multi, profiles: z.array(ZEdgexProfileSchema).nullish().transform((v) => v ?? []) });
export const ZEdgexProfileResponseSchema = z.object({ apiVersion: optStr, profile: ZEdgexProfileSchema });

export const ZEdgexDeviceServiceSchema = z.object({
  id: optStr,
  name: str,
  description: optStr,
  labels,
  baseAddress: optStr,
  adminState: optStr,
  created: z.number().optional(),
  modified: z.number().optional(),
});
export type TEdgexDeviceService = z.infer<typeof ZEdgexDeviceServiceSchema>;
export const ZEdgexMultiDeviceServicesSchema = z.object({ ...multi, services: z.array(ZEdgexDeviceServiceSchema).nullish().transform((v) => v ?? []) });

export const ZEdgexReadingSchema = z.object({
  id: optStr,
  origin: z.number(),
  deviceName: str,
  resourceName: str,
  profileName: optStr,
  valueType: str,
  units: optStr,
  value: optStr,
  mediaType: optStr,
});
export type TEdgexReading = z.infer<typeof ZEdgexReadingSchema>;
export const ZEdgexMultiReadingsSchema = z.object({ ...multi, readings: z.array(ZEdgexReadingSchema).nullish().transform((v) => v ?? []) });

export const ZEdgexEventSchema = z.object({
  id: optStr,
  deviceName: str,
  profileName: optStr,
  sourceName: optStr,
  origin: z.number(),
  readings: z.array(ZEdgexReadingSchema).nullish().transform((v) => v ?? []),
});
export type TEdgexEvent = z.infer<typeof ZEdgexEventSchema>;
export const ZEdgexMultiEventsSchema = z.object({ ...multi, events: z.array(ZEdgexEventSchema).nullish().transform((v) => v ?? []) });
/** A read command's answer: an event, absent when `ds-returnevent=false`. */
export const ZEdgexEventResponseSchema = z.object({ apiVersion: optStr, statusCode: z.number().optional(), event: ZEdgexEventSchema.optional() });

export const ZEdgexCoreCommandSchema = z.object({
  name: str,
  get: z.boolean().optional(),
  set: z.boolean().optional(),
  path: optStr,
  parameters: z.array(z.object({ resourceName: str, valueType: str })).nullish().transform((v) => v ?? []),
});
export type TEdgexCoreCommand = z.infer<typeof ZEdgexCoreCommandSchema>;
export const ZEdgexDeviceCoreCommandResponseSchema = z.object({
  apiVersion: optStr,
  deviceCoreCommand: z.object({ deviceName: str, profileName: optStr, coreCommands: z.array(ZEdgexCoreCommandSchema).nullish().transform((v) => v ?? []) }),
});

/** A write's answer (BaseResponse). */
export const ZEdgexBaseResponseSchema = z.object({ apiVersion: optStr, statusCode: z.number().optional(), message: optStr });
