import "server-only";
import type { TRole } from "@/lib/shared/users/users.schema";
import type { AuditActor } from "../audit/record-audit-event";

/** Who is calling: a signed-in user, by session cookie or personal API token. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: TRole;
  mustChangePassword: boolean;
  locale: string | null;
  via: "session" | "token";
  sessionId?: string;
  tokenId?: string;
}

export function auditActorOf(principal: Principal): AuditActor {
  return { id: principal.userId, name: principal.username };
}
