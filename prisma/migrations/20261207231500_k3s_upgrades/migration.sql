-- k3s upgrades as bundles (issue 20): a bundle's kind and the version an upgrade brings.
ALTER TABLE "bundles" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'workload';
ALTER TABLE "bundles" ADD COLUMN "upgradeVersion" TEXT;
