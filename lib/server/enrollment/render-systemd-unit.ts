import "server-only";

/** Where the bare-host install puts the verified bundle, and the agent's state. */
export const BARE_HOST_PATHS = {
  bundle: "/opt/outpost-agent/outpost-agent.js",
  env: "/etc/outpost-agent/agent.env",
  stateDir: "/var/lib/outpost-agent",
  unit: "/etc/systemd/system/outpost-agent.service",
  user: "outpost-agent",
} as const;

/**
 * The systemd unit of the bare-host form (served at /v3/outpost-agent.service and shown in
 * the import dialog). It holds no secret: the registration token goes to a root-only
 * EnvironmentFile. The agent runs as the dedicated system user `outpost-agent`; k3s's
 * kubeconfig is 0600 root, so systemd (as root) reads it with LoadCredential= and hands
 * the agent a private copy under $CREDENTIALS_DIRECTORY (systemd ≥ 247) — no change to
 * k3s's file modes. StateDirectory= creates /var/lib/outpost-agent (0700, owned by the user)
 * where the agent keeps its credential, so restarts never need the token again.
 */
export function renderSystemdUnit(serverUrl: string, caChecksum: string): string {
  const p = BARE_HOST_PATHS;
  return [
    "[Unit]",
    "Description=Outpost agent (tunnel from this k3s cluster to the Outpost console)",
    "Wants=network-online.target",
    "After=network-online.target k3s.service",
    "",
    "[Service]",
    "Type=exec",
    `User=${p.user}`,
    `Group=${p.user}`,
    "LoadCredential=kubeconfig:/etc/rancher/k3s/k3s.yaml",
    `EnvironmentFile=-${p.env}`,
    `Environment=OUTPOST_SERVER=${serverUrl}`,
    ...(caChecksum ? [`Environment=OUTPOST_CA_CHECKSUM=${caChecksum}`] : []),
    `ExecStart=/usr/bin/env node ${p.bundle} --kubeconfig \${CREDENTIALS_DIRECTORY}/kubeconfig --state-dir ${p.stateDir}`,
    "StateDirectory=outpost-agent",
    "StateDirectoryMode=0700",
    "Restart=always",
    "RestartSec=10",
    "NoNewPrivileges=yes",
    "ProtectSystem=strict",
    "ProtectHome=yes",
    "PrivateTmp=yes",
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
}
