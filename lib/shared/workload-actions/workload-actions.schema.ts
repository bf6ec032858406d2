// Workload actions beyond scale/restart: change a container's image (`kubectl set image`),
// run a CronJob now (`kubectl create job --from=cronjob/…`), suspend/resume a CronJob.
import { z } from "zod";

/** Kinds whose pod template `kubectl set image` changes here. */
export const SET_IMAGE_RESOURCES = ["deployments", "statefulsets", "daemonsets", "cronjobs"] as const;
export type TSetImageResource = (typeof SET_IMAGE_RESOURCES)[number];

/**
 * An image reference as the container runtime accepts it: `[host[:port]/]path[:tag][@digest]`,
 * lower-case path components; the first part is a registry only with a dot, a port or
 * `localhost` (docker's reference grammar, without its rarely used forms).
 */
const DOMAIN = String.raw`(?:localhost(?::\d{1,5})?|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+(?::\d{1,5})?|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?:\d{1,5})`;
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const IMAGE = new RegExp(String.raw`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);

export const ZSetImageBodySchema = z.object({
  container: z.string().min(1).max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a container name (DNS-1123 label)"),
  image: z.string().min(1).max(512).regex(IMAGE, "must be an image reference such as nginx:1.27 or registry.local:5000/team/app@sha256:…"),
});
export type TSetImageBody = z.infer<typeof ZSetImageBodySchema>;
