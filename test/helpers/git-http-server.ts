// A real Git server for tests: git's own smart-HTTP CGI (`git http-backend`) behind a small
// Node HTTP server that demands HTTP basic auth. Repositories are bare repos under a temp
// root; commits are made with the git CLI in a work tree and pushed to them.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface GitHttpServer {
  /** http://127.0.0.1:port */
  url: string;
  /** Requests seen: method, path and whether they carried valid credentials. */
  requests: Array<{ method: string; path: string; authorized: boolean }>;
  /** Creates a bare repository `name` with a work tree; returns helpers to commit to it. */
  createRepo(name: string): Promise<GitRepo>;
  stop(): Promise<void>;
}

export interface GitRepo {
  /** The repository's URL (no credentials). */
  url: string;
  /** Writes files (path → content; null deletes), commits, pushes `branch`; returns the commit id. */
  commit(files: Record<string, string | null>, message: string, branch?: string): Promise<string>;
  /** Creates a tag at the work tree's HEAD and pushes it. */
  tag(name: string): Promise<void>;
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
  return stdout.trim();
}

/** Starts the server; `auth` are the only credentials it accepts (basic: user + password/token). */
export async function startGitHttpServer(auth: { username: string; password: string }): Promise<GitHttpServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), "outpost-git-server-"));
  const requests: GitHttpServer["requests"] = [];
  const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const authorized = req.headers.authorization === expected;
    requests.push({ method: req.method ?? "", path: url.pathname, authorized });
    if (!authorized) {
      res.writeHead(401, { "www-authenticate": 'Basic realm="git"', "content-type": "text/plain" });
      res.end("authentication required\n");
      return;
    }
    const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        NODE_ENV: process.env.NODE_ENV,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        REQUEST_METHOD: req.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        REMOTE_USER: auth.username,
        REMOTE_ADDR: "127.0.0.1",
        ...(req.headers["content-encoding"] ? { HTTP_CONTENT_ENCODING: String(req.headers["content-encoding"]) } : {}),
        ...(req.headers["git-protocol"] ? { GIT_PROTOCOL: String(req.headers["git-protocol"]) } : {}),
    };
    const cgi = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "inherit"] });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const sep = head.indexOf("\r\n\r\n");
      if (sep < 0) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, sep).toString("latin1").split("\r\n")) {
        const i = line.indexOf(":");
        const [k, v] = [line.slice(0, i).trim(), line.slice(i + 1).trim()];
        if (k.toLowerCase() === "status") status = Number.parseInt(v, 10);
        else headers[k] = v;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(sep + 4));
    });
    cgi.on("close", () => {
      if (!headersDone) res.writeHead(500).end();
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    createRepo: async (name) => {
      const bare = path.join(root, `${name}.git`);
      const work = path.join(root, `${name}-work`);
      await git(root, "init", "--bare", "--initial-branch=main", bare);
      await git(root, "init", "--initial-branch=main", work);
      await git(work, "remote", "add", "origin", bare);
      return {
        url: `${base}/${name}.git`,
        commit: async (files, message, branch = "main") => {
          const current = await git(work, "branch", "--show-current").catch(() => "");
          if (current !== branch) await git(work, "checkout", "-B", branch);
          for (const [file, content] of Object.entries(files)) {
            const full = path.join(work, file);
            if (content === null) await rm(full, { force: true });
            else {
              await mkdir(path.dirname(full), { recursive: true });
              await writeFile(full, content);
            }
          }
          await git(work, "add", "-A");
          await git(work, "commit", "-q", "-m", message);
          await git(work, "push", "-q", "origin", branch);
          return git(work, "rev-parse", "HEAD");
        },
        tag: async (tagName) => {
          await git(work, "tag", "-a", tagName, "-m", tagName);
          await git(work, "push", "-q", "origin", tagName);
        },
      };
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
