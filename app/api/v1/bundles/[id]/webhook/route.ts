// POST /api/v1/bundles/{id}/webhook – a Git host's push: no login, signed with the bundle's webhook secret
// (GitHub X-Hub-Signature-256, GitLab X-Gitlab-Token); reads the ref now. 401 when the signature does not match.
import { receiveGitWebhook } from "@/lib/server/bundles/receive-git-webhook";
import { defineRoute } from "@/lib/server/http/define-route";
import { readRawBody } from "@/lib/server/http/read-json-body";
import { ZBundleIdParamsSchema } from "@/lib/shared/bundles/bundles.schema";

export const POST = defineRoute({ access: "public", signedBody: true, params: ZBundleIdParamsSchema }, async ({ req, params, meta }) => receiveGitWebhook(params.id, req.headers, await readRawBody(req), meta));
