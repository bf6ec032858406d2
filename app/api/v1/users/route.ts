// GET /api/v1/users – all users (admin)
// POST /api/v1/users – create a user {username, displayName?, role, password, mustChangePassword?} (admin)
import { auditActorOf } from "@/lib/server/auth/principal";
import { defineRoute } from "@/lib/server/http/define-route";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";
import { ZCreateUserSchema } from "@/lib/shared/users/users.schema";

export const GET = defineRoute({ access: "users:read" }, async () => ({ items: await listUsers() }));

export const POST = defineRoute({ access: "users:write", body: ZCreateUserSchema }, async ({ principal, body, meta }) =>
  Response.json(await createUser(body, auditActorOf(principal), meta), { status: 201 }),
);
