// The cron schedules a CronJob accepts, parsed the way the kube-controller-manager's
// library parses them (robfig/cron's standard parser): five fields — minute, hour, day of
// month, month, day of week — with `*`, `?`, lists, ranges, steps and month/day names, or a
// descriptor (`@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`,
// `@hourly`, `@every <duration>`). Times are computed in UTC (k3s's controller manager
// runs in UTC) or in the CronJob's `timeZone`.

export class CronSyntaxError extends Error {}

interface Field {
  min: number;
  max: number;
  names?: readonly string[];
}

const MINUTE: Field = { min: 0, max: 59 };
const HOUR: Field = { min: 0, max: 23 };
const DOM: Field = { min: 1, max: 31 };
const MONTH: Field = { min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] };
const DOW: Field = { min: 0, max: 6, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] };

const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** A parsed schedule: `next(t)` is the first activation strictly after `t` (ms), or undefined. */
export interface CronSchedule {
  next(afterMs: number): number | undefined;
}

interface Fields {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  /** Day of month or week given as `*`/`?`: then both must match, otherwise either. */
  dayStar: boolean;
}

function valueOf(s: string, f: Field): number {
  const named = f.names?.indexOf(s.toLowerCase()) ?? -1;
  if (named >= 0) return named + f.min;
  if (!/^\d+$/.test(s)) throw new CronSyntaxError(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** One comma-separated part: `*`, `?`, `a`, `a-b`, each optionally `/step`. Returns the values and whether it was a bare star. */
function parseRange(expr: string, f: Field): { values: number[]; star: boolean } {
  const [range = "", stepText, extra] = expr.split("/");
  if (extra !== undefined) throw new CronSyntaxError(`too many slashes: ${expr}`);
  let start: number;
  let end: number;
  let star = false;
  if (range === "*" || range === "?") {
    start = f.min;
    end = f.max;
    star = true;
  } else {
    const [a = "", b, more] = range.split("-");
    if (more !== undefined) throw new CronSyntaxError(`too many hyphens: ${expr}`);
    start = valueOf(a, f);
    end = b === undefined ? start : valueOf(b, f);
  }
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText)) throw new CronSyntaxError(`failed to parse int from ${stepText}: strconv.Atoi: parsing ${JSON.stringify(stepText)}: invalid syntax`);
    step = Number(stepText);
    // `N/step` means N through the maximum; a step other than 1 on `*` is no longer a bare star.
    if (!star && !range.includes("-")) end = f.max;
    if (step > 1) star = false;
  }
  if (start < f.min) throw new CronSyntaxError(`beginning of range (${start}) below minimum (${f.min}): ${expr}`);
  if (end > f.max) throw new CronSyntaxError(`end of range (${end}) above maximum (${f.max}): ${expr}`);
  if (start > end) throw new CronSyntaxError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronSyntaxError(`step of range should be a positive number: ${expr}`);
  const values: number[] = [];
  for (let v = start; v <= end; v += step) values.push(v);
  return { values, star };
}

function parseField(text: string, f: Field): { set: Set<number>; star: boolean } {
  const set = new Set<number>();
  let star = false;
  for (const part of text.split(",")) {
    const r = parseRange(part, f);
    r.values.forEach((v) => set.add(v));
    star ||= r.star;
  }
  return { set, star };
}

/** Go duration (`1h30m`, `90s`, `1.5h`) in ms; the cron library truncates `@every` to whole seconds, at least 1 s. */
function parseGoDuration(text: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]!]!;
    matched = re.lastIndex;
  }
  if (!text || matched !== text.length) throw new CronSyntaxError(`failed to parse duration ${text}: time: invalid duration ${JSON.stringify(text)}`);
  return total;
}

/** Wall-clock fields of `ms` in `timeZone` (IANA name; UTC when undefined). */
function wallClock(ms: number, timeZone: string | undefined): { year: number; month: number; day: number; hour: number; minute: number; dow: number } {
  if (!timeZone || timeZone === "UTC" || timeZone === "Etc/UTC") {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), dow: d.getUTCDay() };
  }
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: Number(get("year")), month: Number(get("month")), day: Number(get("day")), hour: Number(get("hour")), minute: Number(get("minute")), dow: DOW.names!.indexOf(get("weekday").toLowerCase().slice(0, 3)) };
}

function fieldSchedule(f: Fields, timeZone: string | undefined): CronSchedule {
  const dayMatches = (day: number, dow: number) => (f.dayStar ? f.dom.has(day) && f.dow.has(dow) : f.dom.has(day) || f.dow.has(dow));
  return {
    next(afterMs) {
      // Minute by minute, skipping whole hours and days that cannot match; five years at most (like the library).
      let t = Math.floor(afterMs / 60_000) * 60_000 + 60_000;
      const limit = afterMs + 5 * 366 * 86_400_000;
      while (t <= limit) {
        const w = wallClock(t, timeZone);
        if (!f.month.has(w.month) || !dayMatches(w.day, w.dow)) {
          t += ((23 - w.hour) * 60 + (60 - w.minute)) * 60_000;
          continue;
        }
        if (!f.hour.has(w.hour)) {
          t += (60 - w.minute) * 60_000;
          continue;
        }
        if (f.minute.has(w.minute)) return t;
        t += 60_000;
      }
      return undefined;
    },
  };
}

/** Parses `spec.schedule`, or throws CronSyntaxError with the library's message. */
export function parseCronSchedule(schedule: string, timeZone?: string): CronSchedule {
  const text = schedule.trim();
  if (text.length === 0) throw new CronSyntaxError("empty spec string");
  if (text.startsWith("@every ")) {
    const every = Math.max(1000, Math.floor(parseGoDuration(text.slice("@every ".length).trim()) / 1000) * 1000);
    // Activations fall on whole seconds: the next one is `every` after the previous second.
    return { next: (afterMs) => Math.floor(afterMs / 1000) * 1000 + every };
  }
  if (text.startsWith("@")) {
    const expanded = DESCRIPTORS[text.toLowerCase()];
    if (!expanded) throw new CronSyntaxError(`unrecognized descriptor: ${text}`);
    return parseCronSchedule(expanded, timeZone);
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new CronSyntaxError(`expected exactly 5 fields, found ${parts.length}: [${parts.join(" ")}]`);
  const [minute, hour, dom, month, dow] = [parseField(parts[0]!, MINUTE), parseField(parts[1]!, HOUR), parseField(parts[2]!, DOM), parseField(parts[3]!, MONTH), parseField(parts[4]!, DOW)];
  return fieldSchedule({ minute: minute.set, hour: hour.set, dom: dom.set, month: month.set, dow: dow.set, dayStar: dom.star || dow.star }, timeZone);
}

/** Whether `timeZone` is an IANA zone name this runtime knows (the controller's time.LoadLocation). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone === "" || timeZone === "Local") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
