// POST /api/v1/k3s-upgrades – start a k3s upgrade {targets, version, rollout?, agentConcurrency?, name?} (admin): a bundle of kind k3s-upgrade; 422 when a target would skip a minor version
import { auditActorOf } from "@/lib/server/auth/principal";
import { defineRoute } from "@/lib/server/http/define-route";
import { createK3sUpgrade } from "@/lib/server/upgrades/create-k3s-upgrade";
import { ZCreateK3sUpgradeSchema } from "@/lib/shared/upgrades/upgrades.schema";

export const POST = defineRoute({ access: "upgrades:write", body: ZCreateK3sUpgradeSchema }, async ({ principal, body, meta }) =>
  Response.json(await createK3sUpgrade(body, auditActorOf(principal), meta), { status: 201 }),
);
