import { z } from "zod";

export const ROLES = ["admin", "operator", "viewer"] as const;
export const ZRoleSchema = z.enum(ROLES, { message: "must be one of admin, operator, viewer" });
export type TRole = z.infer<typeof ZRoleSchema>;

/** A user's own (global) role; "none" = access only through role bindings. */
export const USER_ROLES = [...ROLES, "none"] as const;
export const ZUserRoleSchema = z.enum(USER_ROLES, { message: "must be one of admin, operator, viewer, none" });
export type TUserRole = z.infer<typeof ZUserRoleSchema>;

/** Usernames: lowercase letters, digits, '.', '_' and '-', 2–64 characters, starting with a letter or digit. */
export const ZUsernameSchema = z
  .string({ message: "must be a string" })
  .trim()
  .min(2, "must be at least 2 characters")
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "may contain only lowercase letters, digits, '.', '_' and '-'");

export const ZPasswordSchema = z
  .string({ message: "must be a string" })
  .min(12, "must be at least 12 characters")
  .max(128, "must be at most 128 characters");

export const ZCreateUserSchema = z.object({
  username: ZUsernameSchema,
  displayName: z.string().trim().min(1).max(100).optional(),
  role: ZUserRoleSchema,
  password: ZPasswordSchema,
  mustChangePassword: z.boolean().default(true),
});
export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

export const ZUpdateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: ZUserRoleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to update" });
export type TUpdateUser = z.infer<typeof ZUpdateUserSchema>;

export const ZResetPasswordSchema = z.object({ password: ZPasswordSchema, mustChangePassword: z.boolean().default(true) });

export const ZChangeOwnPasswordSchema = z.object({
  currentPassword: z.string({ message: "must be a string" }).min(1, "is required").max(128),
  newPassword: ZPasswordSchema,
});

export const ZLoginSchema = z.object({
  username: z.string({ message: "must be a string" }).trim().toLowerCase().min(1, "is required").max(64),
  password: z.string({ message: "must be a string" }).min(1, "is required").max(128),
});

/** A user as every API returns it (never a password hash). */
export const ZUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZUserRoleSchema,
  /** Groups from the identity provider at the last single sign-on (empty for local accounts). */
  idpGroups: z.array(z.string()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  locale: z.string().nullable(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUserSchema>;

export const ZUserIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const ZUpdateMeSchema = z.object({
  locale: z.enum(["en", "zh-Hans"], { message: "must be en or zh-Hans" }),
});
