-- A per-bundle secret for signed Git webhooks (GitHub X-Hub-Signature-256, GitLab X-Gitlab-Token),
-- sealed with AES-256-GCM like the Git token, null until one is generated.
ALTER TABLE "bundles" ADD COLUMN "gitWebhookSecret" TEXT;
