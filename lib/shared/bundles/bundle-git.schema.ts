// A bundle's Git source: repository URL, branch/tag/commit, path inside the repository,
// how often to poll, and optional credentials. Checked here so a bad URL or ref is a 422
// before the console ever dials out.
import { z } from "zod";

export const GIT_POLL_DEFAULT_SECONDS = 300;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Why a repository URL is refused, or null: HTTPS (plain HTTP only to this machine, for a
 * local mirror), no credentials in the URL (they go in `auth`, stored encrypted), no query.
 */
export function gitUrlError(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) return "must be an https:// URL (http:// only to localhost)";
  if (url.username || url.password) return "must not contain credentials (give them in auth; they are stored encrypted)";
  if (url.search || url.hash) return "must not have a query or fragment";
  return null;
}

/** A branch or tag name (git check-ref-format, simplified), or a full 40-hex commit. */
export function gitRefError(ref: string): string | null {
  if (/^[0-9a-f]{40}$/.test(ref)) return null;
  if (!/^[A-Za-z0-9._/-]+$/.test(ref)) return "may contain letters, digits and . _ / - only";
  if (ref.startsWith("-") || ref.startsWith("/") || ref.endsWith("/") || ref.endsWith(".") || ref.endsWith(".lock") || ref.includes("..") || ref.includes("//") || ref.split("/").some((p) => p.startsWith("."))) {
    return "is not a valid branch or tag name";
  }
  return null;
}

/** A directory or file inside the repository ("" = its root); never outside it. */
export function gitPathError(p: string): string | null {
  if (!/^[A-Za-z0-9._/ -]*$/.test(p)) return "may contain letters, digits, spaces and . _ / - only";
  if (p.startsWith("/")) return "must be relative to the repository root";
  if (p.split("/").some((seg) => seg === "..")) return "must not leave the repository";
  return null;
}

const check = (fn: (s: string) => string | null) => (s: string, ctx: z.RefinementCtx) => {
  const error = fn(s);
  if (error) ctx.addIssue({ code: "custom", message: error });
};

const gitFields = {
  url: z.string({ message: "is required" }).max(2048).superRefine(check(gitUrlError)),
  ref: z.string().min(1, "is required").max(255).superRefine(check(gitRefError)),
  path: z
    .string()
    .max(1024)
    .superRefine(check(gitPathError))
    .transform((p) => p.replace(/^\.\/?/, "").replace(/\/+$/, "")),
  /** Seconds between polls (a webhook reads at once). */
  pollSeconds: z.number().int().min(10).max(86_400),
  /** HTTP basic credentials; a token alone is sent as the password of user `x-access-token`. */
  auth: z
    .object({ username: z.string().min(1).max(255).optional(), token: z.string().min(1, "is required").max(4096) })
    .strict(),
};

export const ZBundleGitSourceSchema = z
  .object({
    url: gitFields.url,
    ref: gitFields.ref.default("main"),
    path: gitFields.path.default(""),
    pollSeconds: gitFields.pollSeconds.default(GIT_POLL_DEFAULT_SECONDS),
    auth: gitFields.auth.optional(),
  })
  .strict();
export type TBundleGitSource = z.infer<typeof ZBundleGitSourceSchema>;

/**
 * PATCH of a Git bundle's source: any of url, ref, path, pollSeconds; `auth` replaces the
 * credentials, `auth: null` removes them, no `auth` keeps them (they are never sent back).
 */
export const ZUpdateBundleGitSchema = z
  .object({
    url: gitFields.url.optional(),
    ref: gitFields.ref.optional(),
    path: gitFields.path.optional(),
    pollSeconds: gitFields.pollSeconds.optional(),
    auth: gitFields.auth.nullable().optional(),
  })
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: "give at least one of url, ref, path, pollSeconds, auth" });
export type TUpdateBundleGit = z.infer<typeof ZUpdateBundleGitSchema>;
