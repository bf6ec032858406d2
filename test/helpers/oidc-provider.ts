// A real OpenID provider for tests: the OpenID-certified `oidc-provider` package on an
// ephemeral port, with its own development login and consent pages, one confidential
// client for the console, and accounts whose claims (groups included) the test chooses.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestAccount {
  name: string;
  email: string;
  groups: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login name (the dev login page accepts any password). Edit to change claims. */
  accounts: Map<string, TestAccount>;
  stop(): Promise<void>;
}

export async function startTestOidcProvider(consoleUrl: string): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  const clientId = "outpost-console";
  const clientSecret = "test-client-secret-0123456789abcdef";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${consoleUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${consoleUrl}/login`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email", "email_verified"], groups: ["groups"] },
    scopes: ["openid", "profile", "email", "groups"],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, preferred_username: id, name: account.name, email: account.email, email_verified: true, groups: account.groups }),
      };
    },
  });
  const handle = provider.callback();
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => void handle(req, res));
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
