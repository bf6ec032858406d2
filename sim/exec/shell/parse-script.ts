// The small shell language of simulated containers: words with single and double quotes,
// backslash escapes, `$VAR` / `${VAR}` / `$?` expansion (at run time), comments, and
// commands joined by `;`, newlines, `&&` and `||`. Pipes, redirections, background jobs
// and command substitution are refused with a clear message rather than half-simulated.

/** One piece of a word: literal text, or text whose `$…` expands (unquoted or in double quotes). */
export interface WordPart {
  text: string;
  expand: boolean;
}

/** A command: its words (each a list of parts) and how it joins the one before it. */
export interface ScriptCommand {
  words: WordPart[][];
  /** `;` (always run), `&&` (run if the previous succeeded), `||` (run if it failed). */
  join: ";" | "&&" | "||";
}

/** A syntax error, reported as `sh: <message>` with exit status 2. */
export class ShellSyntaxError extends Error {}

const UNSUPPORTED: Record<string, string> = {
  "|": "pipes",
  ">": "redirections",
  "<": "redirections",
  "&": "background jobs",
  "`": "command substitution",
  "(": "subshells",
  ")": "subshells",
};

/** Parses a script into commands; throws ShellSyntaxError on unterminated quotes or unsupported syntax. */
export function parseScript(src: string): ScriptCommand[] {
  const commands: ScriptCommand[] = [];
  let words: WordPart[][] = [];
  let word: WordPart[] | undefined;
  let join: ScriptCommand["join"] = ";";
  const push = (text: string, expand: boolean): void => {
    word ??= [];
    const last = word.at(-1);
    if (last && last.expand === expand) last.text += text;
    else word.push({ text, expand });
  };
  const endWord = (): void => {
    if (word) words.push(word);
    word = undefined;
  };
  const endCommand = (next: ScriptCommand["join"]): void => {
    endWord();
    if (words.length > 0) commands.push({ words, join });
    else if (next !== ";") throw new ShellSyntaxError(`syntax error: unexpected "${next}"`);
    words = [];
    join = next;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("syntax error: unterminated quoted string");
      push(src.slice(i + 1, end), false);
      word ??= [];
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = "";
      while (j < src.length && src[j] !== '"') {
        if (src[j] === "\\" && j + 1 < src.length && '"\\$`'.includes(src[j + 1]!)) {
          // An escaped `$` stays literal: mark it so expansion skips it.
          text += src[j + 1] === "$" ? "\u0000$" : src[j + 1];
          j += 2;
        } else if (src[j] === "`" || (src[j] === "$" && src[j + 1] === "(")) {
          throw new ShellSyntaxError("command substitution is not simulated");
        } else text += src[j++];
      }
      if (j >= src.length) throw new ShellSyntaxError("syntax error: unterminated quoted string");
      push(text, true);
      word ??= [];
      i = j + 1;
    } else if (c === "\\") {
      if (src[i + 1] === "\n") i += 2;
      else {
        push(src[i + 1] === "$" ? "\u0000$" : (src[i + 1] ?? ""), true);
        i += 2;
      }
    } else if (c === " " || c === "\t") {
      endWord();
      i++;
    } else if (c === "\n" || c === ";") {
      endCommand(";");
      i++;
    } else if (c === "&" && src[i + 1] === "&") {
      endCommand("&&");
      i += 2;
    } else if (c === "|" && src[i + 1] === "|") {
      endCommand("||");
      i += 2;
    } else if (c === "#" && !word) {
      const nl = src.indexOf("\n", i);
      i = nl < 0 ? src.length : nl;
    } else if (c in UNSUPPORTED || (c === "$" && src[i + 1] === "(")) {
      throw new ShellSyntaxError(`${UNSUPPORTED[c] ?? "command substitution"} are not simulated`);
    } else {
      push(c, true);
      i++;
    }
  }
  endCommand(";");
  if (join !== ";") throw new ShellSyntaxError("syntax error: unexpected end of file");
  return commands;
}

/** Expands `$NAME`, `${NAME}`, `$?` and `$$` in a word's expandable parts. */
export function expandWord(parts: WordPart[], vars: (name: string) => string): string {
  let out = "";
  for (const p of parts) {
    if (!p.expand) {
      out += p.text;
      continue;
    }
    out += p.text
      .replace(/(\u0000)?\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|\?|\$)/g, (m, escaped: string | undefined, _all: string, braced?: string, bare?: string) => {
        if (escaped) return m.slice(1);
        if (m === "$?") return vars("?");
        if (m === "$$") return vars("$");
        return vars(braced ?? bare ?? "");
      })
      .replace(/\u0000/g, "");
  }
  return out;
}
