-- Scoped access (issue 18): role bindings for users and identity-provider groups, globally
-- or on a cluster group, users without a role of their own, narrowed API tokens.
ALTER TYPE "Role" ADD VALUE 'none';

ALTER TABLE "users" ADD COLUMN "idpGroups" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TYPE "BindingSubject" AS ENUM ('user', 'group');

CREATE TABLE "role_bindings" (
    "id" TEXT NOT NULL,
    "subjectKind" "BindingSubject" NOT NULL,
    "subject" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "clusterGroupId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "role_bindings_pkey" PRIMARY KEY ("id")
);

-- One binding per subject, role and scope (a global binding, with no group, is unique too).
CREATE UNIQUE INDEX "role_bindings_subjectKind_subject_role_clusterGroupId_key" ON "role_bindings"("subjectKind", "subject", "role", "clusterGroupId") NULLS NOT DISTINCT;
CREATE INDEX "role_bindings_subject_idx" ON "role_bindings"("subject");

ALTER TABLE "role_bindings" ADD CONSTRAINT "role_bindings_clusterGroupId_fkey" FOREIGN KEY ("clusterGroupId") REFERENCES "cluster_groups"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "api_tokens" ADD COLUMN "readOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "clusterGroupId" TEXT;

ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_clusterGroupId_fkey" FOREIGN KEY ("clusterGroupId") REFERENCES "cluster_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
