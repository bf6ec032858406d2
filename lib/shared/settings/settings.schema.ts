import { z } from "zod";

/** The URL agents dial: https, a host (and port) only — no credentials, path, query or fragment. */
export const ZAgentServerUrlSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2048)
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "https:" && !u.username && !u.password && (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && u.hostname !== "";
      } catch {
        return false;
      }
    }, "must be an https:// URL with a host and optional port only (no credentials, path, query or fragment)"),
});
export type TAgentServerUrlInput = z.infer<typeof ZAgentServerUrlSchema>;

/** GET/PUT /api/v1/settings/agent-url. */
export interface TAgentServerUrlSettings {
  /** The URL agents use now (the setting, else the environment's). */
  url: string;
  source: "setting" | "environment";
  /** OUTPOST_SERVER_URL (or its default from OUTPOST_HOSTNAMES/OUTPOST_PORT). */
  environmentUrl: string;
  updatedAt: string | null;
  /** Set by PUT: the serving certificate was re-issued from the console CA to cover the name. */
  certificateReissued?: boolean;
}
