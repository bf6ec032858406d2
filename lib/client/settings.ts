export const settingsKeys = {
  agentUrl: () => ["settings", "agent-url"] as const,
};
