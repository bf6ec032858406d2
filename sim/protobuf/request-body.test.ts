import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/status";
import { PROTOBUF_MAGIC } from "./decode";
import { protobufBodyToJson } from "./request-body";
import { WireWriter } from "./wire";

const req = (ct: string) => ({ headers: { "content-type": ct } }) as unknown as IncomingMessage;
const str = (field: number, s: string) => {
  const w = new WireWriter();
  w.bytesField(field, Buffer.from(s));
  return w.finish();
};
/** A `k8s\0` envelope: runtime.Unknown { typeMeta { apiVersion, kind }, raw }. */
function envelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
  const w = new WireWriter();
  w.bytesField(1, Buffer.concat([str(1, apiVersion), str(2, kind)]));
  w.bytesField(2, raw);
  return Buffer.concat([PROTOBUF_MAGIC, w.finish()]);
}

describe("protobuf request bodies", () => {
  it("decodes a RoleBinding into the JSON a JSON client would send, and says so in Content-Type", () => {
    const meta = Buffer.concat([str(1, "readers"), str(3, "team-a"), str(6, "")]);
    const roleRef = Buffer.concat([str(1, "rbac.authorization.k8s.io"), str(2, "Role"), str(3, "pod-reader")]);
    const subject = Buffer.concat([str(1, "User"), str(2, "rbac.authorization.k8s.io"), str(3, "alice")]);
    const w = new WireWriter();
    w.bytesField(1, meta);
    w.bytesField(2, subject);
    w.bytesField(3, roleRef);
    const r = req("application/vnd.kubernetes.protobuf");
    const json = JSON.parse(protobufBodyToJson(r, envelope("rbac.authorization.k8s.io/v1", "RoleBinding", w.finish())).toString()) as unknown;
    expect(json).toEqual({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "readers", namespace: "team-a" },
      subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "alice" }],
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" },
    });
    expect(r.headers["content-type"]).toBe("application/json");
  });

  it("leaves JSON bodies alone", () => {
    const body = Buffer.from('{"kind":"ConfigMap"}');
    expect(protobufBodyToJson(req("application/json"), body)).toBe(body);
  });

  it("answers a truncated message with 400 and an unknown kind with 415", () => {
    const truncated = Buffer.concat([PROTOBUF_MAGIC, Buffer.from([0x0a, 0x40, 0x01])]);
    expect(() => protobufBodyToJson(req("application/vnd.kubernetes.protobuf"), truncated)).toThrow(expect.objectContaining({ code: 400 }) as ApiError);
    expect(() => protobufBodyToJson(req("application/vnd.kubernetes.protobuf"), Buffer.from("{}"))).toThrow(/protobuf prefix/);
    const cr = envelope("example.com/v1", "Widget", Buffer.alloc(0));
    expect(() => protobufBodyToJson(req("application/vnd.kubernetes.protobuf"), cr)).toThrow(expect.objectContaining({ code: 415, reason: "UnsupportedMediaType" }) as ApiError);
  });
});
