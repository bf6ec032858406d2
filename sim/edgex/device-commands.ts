import type { ResourceDef } from "./catalog-types";
import { buildEvent, pushOverride, type DeviceRuntime, type EdgexWorld, type SimEvent } from "./edgex-world";
import { parseSetValue } from "./value-codec";

// What a device service does with a command (device-sdk-go CommandHandler): check the
// service/device admin and operating state, resolve the name as a deviceCommand or a
// deviceResource, enforce R/W, then read values or apply a set. Statuses follow EdgeX
// except that the SDK's 405/500 for "read-only" and "bad value" are 400 here, so clients
// see validation failures as client errors (documented in README).

export type CommandResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

interface ResolvedCommand {
  name: string;
  readWrite: string;
  ops: Array<{ res: ResourceDef; defaultValue?: string }>;
  kind: "deviceCommand" | "deviceResource";
}

function fail<T>(status: number, message: string): CommandResult<T> {
  return { ok: false, status, message };
}

function resolve(dev: DeviceRuntime, name: string): CommandResult<ResolvedCommand> {
  const p = dev.profile;
  const cmd = p.commands.find((c) => c.name === name);
  if (cmd) {
    const ops = cmd.resourceOperations.map((o) => ({ res: p.resources.find((r) => r.name === o.deviceResource), defaultValue: o.defaultValue }));
    const missing = ops.find((o) => !o.res);
    if (missing) return fail(500, `deviceResource in command ${name} for ${dev.def.name} not defined`);
    return { ok: true, value: { name, readWrite: cmd.readWrite, ops: ops as ResolvedCommand["ops"], kind: "deviceCommand" } };
  }
  const res = p.resources.find((r) => r.name === name);
  if (!res) return fail(404, `deviceResource ${name} not found`);
  return { ok: true, value: { name, readWrite: res.readWrite, ops: [{ res }], kind: "deviceResource" } };
}

function checkState(world: EdgexWorld, dev: DeviceRuntime): CommandResult<null> {
  const service = world.deviceServices.find((s) => s.name === dev.def.serviceName);
  if (service?.adminState === "LOCKED") return fail(423, "service locked");
  if (dev.def.adminState === "LOCKED") return fail(423, `device ${dev.def.name} locked`);
  if (dev.def.operatingState === "DOWN") return fail(423, `device ${dev.def.name} OperatingState is DOWN`);
  return { ok: true, value: null };
}

/** A read (GET) command: an event with the current value of each resource. */
export function readCommand(world: EdgexWorld, dev: DeviceRuntime, name: string): CommandResult<SimEvent> {
  const state = checkState(world, dev);
  if (!state.ok) return state;
  const cmd = resolve(dev, name);
  if (!cmd.ok) return cmd;
  if (!cmd.value.readWrite.includes("R")) {
    return fail(400, `${cmd.value.kind} ${name} is marked as write-only`);
  }
  const resources = cmd.value.ops.map((o) => o.res).filter((r) => r.readWrite !== "W");
  world.commandSeq++;
  const event = buildEvent(world, dev, name, resources, Math.floor(world.now()), `get-${world.commandSeq}`);
  return { ok: true, value: event };
}

/**
 * A set (PUT) command. Every resource of the command takes its value from the body, else
 * the operation's or the resource's default. Writing a device-virtual resource pins it
 * unless the body re-enables its EnableRandomization_* flag.
 */
export function writeCommand(world: EdgexWorld, dev: DeviceRuntime, name: string, body: Record<string, unknown>): CommandResult<null> {
  const state = checkState(world, dev);
  if (!state.ok) return state;
  const cmd = resolve(dev, name);
  if (!cmd.ok) return cmd;
  if (!cmd.value.readWrite.includes("W")) return fail(400, `${cmd.value.kind} ${name} is marked as read-only`);
  const values = new Map<string, string>();
  for (const op of cmd.value.ops) {
    if (!op.res.readWrite.includes("W")) return fail(400, `deviceResource ${op.res.name} is marked as read-only`);
    const raw = Object.hasOwn(body, op.res.name) ? body[op.res.name] : (op.defaultValue ?? op.res.defaultValue);
    if (raw === undefined) {
      return fail(400, `deviceResource ${op.res.name} not found in request body and no default value defined`);
    }
    const parsed = parseSetValue(op.res, raw);
    if (!parsed.ok) return fail(400, parsed.message);
    values.set(op.res.name, parsed.value);
  }
  const now = Math.floor(world.now());
  const flags = new Set(dev.profile.resources.map((r) => r.randomizationFlag).filter((f) => f !== undefined));
  for (const op of cmd.value.ops) {
    if (flags.has(op.res.name)) continue;
    const value = values.get(op.res.name) ?? null;
    const flag = op.res.randomizationFlag;
    const randomize = flag !== undefined && values.get(flag) === "true";
    pushOverride(dev, op.res.name, now, randomize ? null : value);
  }
  return { ok: true, value: null };
}
