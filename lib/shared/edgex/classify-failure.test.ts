import { describe, expect, it } from "vitest";
import { classifyEdgexProblem } from "./classify-failure";

const http = (status: number, fromService: boolean, message = "m") => ({ kind: "http" as const, status, fromService, reason: fromService ? `HTTP${status}` : "X", message });

describe("classifyEdgexProblem", () => {
  it("names the apiserver proxy's 5xx and 404 as down, 504 as slow, 401/403 as forbidden", () => {
    expect(classifyEdgexProblem(http(503, false, "error trying to reach service: dial tcp 10.42.0.9:59880: connect: connection refused"))).toEqual({
      reason: "down",
      status: 503,
      detail: "error trying to reach service: dial tcp 10.42.0.9:59880: connect: connection refused",
    });
    expect(classifyEdgexProblem(http(500, false)).reason).toBe("down");
    expect(classifyEdgexProblem(http(404, false)).reason).toBe("down");
    expect(classifyEdgexProblem(http(504, false)).reason).toBe("slow");
    expect(classifyEdgexProblem(http(403, false)).reason).toBe("forbidden");
  });

  it("names the service's own answers by what the endpoint means", () => {
    expect(classifyEdgexProblem(http(404, true)).reason).toBe("unsupported");
    expect(classifyEdgexProblem(http(404, true), "not_found").reason).toBe("not_found");
    expect(classifyEdgexProblem(http(405, true), "not_found").reason).toBe("unsupported");
    expect(classifyEdgexProblem(http(423, true))).toMatchObject({ reason: "rejected", status: 423 });
    expect(classifyEdgexProblem(http(400, true)).reason).toBe("rejected");
    expect(classifyEdgexProblem(http(500, true)).reason).toBe("error");
    expect(classifyEdgexProblem(http(503, true)).reason).toBe("error");
  });

  it("names timeouts, unparseable bodies and cluster failures", () => {
    expect(classifyEdgexProblem({ kind: "timeout", timeoutMs: 5000 })).toEqual({ reason: "slow", status: null, detail: "no answer within 5000 ms", timeoutMs: 5000 });
    expect(classifyEdgexProblem({ kind: "malformed", detail: "Unexpected end of JSON input" })).toEqual({ reason: "malformed", status: 200, detail: "Unexpected end of JSON input" });
    expect(classifyEdgexProblem({ kind: "cluster", status: 503, message: "not connected" }).reason).toBe("cluster");
  });
});
