-- Console-wide settings an admin changes in the UI (key to JSON value), overriding the
-- defaults from the environment. First key: "agentServerUrl", the URL agents dial.
CREATE TABLE "console_settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "console_settings_pkey" PRIMARY KEY ("key")
);
