-- Bundles may repair drift (docs/BUNDLES.md): live objects that differ from the revision are re-applied.
ALTER TABLE "bundles" ADD COLUMN "selfHeal" BOOLEAN NOT NULL DEFAULT false;
