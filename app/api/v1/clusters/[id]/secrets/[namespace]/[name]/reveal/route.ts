// POST /api/v1/clusters/[id]/secrets/[namespace]/[name]/reveal {key} – one Secret value (admin only, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { revealSecretValue } from "@/lib/server/explorer/reveal-secret-value";
import { ZNamespacedObjectParamsSchema, ZRevealSecretBodySchema } from "@/lib/shared/explorer/explorer.schema";

// clusters:act keeps viewers out at the door; revealSecretValue then requires admin.
export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema, body: ZRevealSecretBodySchema }, ({ principal, params, body, meta }) =>
  revealSecretValue(principal, meta, params.id, params.namespace, params.name, body.key),
);
