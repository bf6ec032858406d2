import { describe, expect, it } from "vitest";
import { InputQueue, MAX_BUFFERED_STDIN } from "./input-queue";
import { parseScript } from "./parse-script";
import { PodFilesystem } from "./pod-filesystem";
import { runExecCommand } from "./run-shell";
import type { ProcessIO, ShellState } from "./shell-context";

function shell(opts: { stdin?: string; hasShell?: boolean } = {}) {
  const fs = new PodFilesystem(["/tmp", "/etc"]);
  fs.addFile("/etc/hostname", "web-1\n");
  fs.addFile("/etc/config/mode", "test");
  const state: ShellState = { fs, env: new Map([["HOME", "/root"], ["GREETING", "hi there"]]), cwd: "/", status: 0, hostname: "web-1", kernel: "5.15.0-126-generic", now: () => new Date("2026-12-07T09:05:03Z"), hasShell: opts.hasShell ?? true };
  let out = "";
  let err = "";
  let stdin: InputQueue | undefined;
  if (opts.stdin !== undefined) {
    stdin = new InputQueue();
    stdin.push(opts.stdin);
    stdin.end();
  }
  const io: ProcessIO = { out: (t) => (out += t), err: (t) => (err += t), stdin, tty: false, termSize: () => undefined, interruption: () => new AbortController().signal };
  return {
    run: async (...argv: string[]) => {
      out = "";
      err = "";
      const code = await runExecCommand(argv, state, io);
      return { code, out, err };
    },
  };
}

describe("the simulated container shell", () => {
  it("parses quotes, escapes, comments and ; && ||", () => {
    const cmds = parseScript(`echo 'a b' "c $X" d\\ e # comment\nfalse || echo ok && echo yes`);
    expect(cmds).toHaveLength(4);
    expect(cmds.map((c) => c.join)).toEqual([";", ";", "||", "&&"]);
    expect(cmds[0]!.words).toHaveLength(4);
  });

  it("runs sh -c with variables, $? and short-circuiting", async () => {
    const sh = shell();
    expect(await sh.run("sh", "-c", 'echo "$GREETING"; false; echo $?; false && echo no; true && echo "${HOME}"')).toEqual({ code: 0, out: "hi there\n1\n/root\n", err: "" });
    expect(await sh.run("sh", "-c", "echo a; exit 3; echo b")).toMatchObject({ code: 3, out: "a\n" });
    expect(await sh.run("sh", "-c", "printf '%s=%d\\n' a 1 b 2")).toMatchObject({ out: "a=1\nb=2\n" });
  });

  it("answers unknown commands like sh (127) and runc (126)", async () => {
    const sh = shell();
    expect(await sh.run("sh", "-c", "foo")).toEqual({ code: 127, out: "", err: "sh: foo: not found\n" });
    const direct = await sh.run("foo");
    expect(direct.code).toBe(126);
    expect(direct.out).toContain('exec: "foo": executable file not found in $PATH');
    expect((await sh.run("exit", "3")).code).toBe(126);
    expect((await shell({ hasShell: false }).run("sh")).code).toBe(126);
  });

  it("cat and ls over the virtual filesystem", async () => {
    const sh = shell();
    expect(await sh.run("cat", "/etc/hostname", "/etc/config/mode")).toMatchObject({ code: 0, out: "web-1\ntest" });
    expect(await sh.run("cat", "/nope")).toEqual({ code: 1, out: "", err: "cat: can't open '/nope': No such file or directory\n" });
    expect(await sh.run("ls", "/etc")).toMatchObject({ code: 0, out: "config\nhostname\n" });
    expect(await sh.run("ls", "/nope")).toMatchObject({ code: 1, err: "ls: /nope: No such file or directory\n" });
  });

  it("reads stdin: cat copies it, sh runs it line by line", async () => {
    expect(await shell({ stdin: "one\ntwo" }).run("cat")).toMatchObject({ code: 0, out: "one\ntwo" });
    expect(await shell({ stdin: "echo x\nexit 4\necho never\n" }).run("sh")).toEqual({ code: 4, out: "x\n", err: "" });
  });

  it("refuses syntax it does not simulate with status 2", async () => {
    expect(await shell().run("sh", "-c", "echo a | wc -l")).toEqual({ code: 2, out: "", err: "sh: pipes are not simulated\n" });
    expect(await shell().run("sh", "-c", "echo 'open")).toMatchObject({ code: 2, err: "sh: syntax error: unterminated quoted string\n" });
  });

  it("date, uname and stty without a tty", async () => {
    const sh = shell();
    expect((await sh.run("date")).out).toBe("Mon Dec  7 09:05:03 UTC 2026\n");
    expect((await sh.run("uname", "-a")).out).toBe("Linux web-1 5.15.0-126-generic #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 x86_64 Linux\n");
    expect(await sh.run("stty", "size")).toMatchObject({ code: 1, err: "stty: standard input: Not a tty\n" });
  });

  it("holds at most MAX_BUFFERED_STDIN of unread stdin", async () => {
    const q = new InputQueue();
    for (let i = 0; i < 40; i++) q.push(Buffer.alloc(64 * 1024, 97));
    q.end();
    const chunk = await q.readChunk();
    expect(chunk!.length).toBe(MAX_BUFFERED_STDIN);
    expect(await q.readChunk()).toBeNull();
  });
});
