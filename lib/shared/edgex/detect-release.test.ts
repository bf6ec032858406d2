import { describe, expect, it } from "vitest";
import { detectEdgexRelease, parseEdgexVersion } from "./detect-release";

describe("EdgeX release detection", () => {
  it("maps versions to release lines and codenames", () => {
    expect(parseEdgexVersion("3.1.1")).toEqual({ version: "3.1.1", line: "3.x", codename: "Napa" });
    expect(parseEdgexVersion("v4.0.2")).toEqual({ version: "4.0.2", line: "4.x", codename: "Odessa" });
    expect(parseEdgexVersion("3.0.0")).toMatchObject({ line: "3.x", codename: "Minnesota" });
    expect(parseEdgexVersion("4.1.0-dev.3")).toMatchObject({ line: "4.x", codename: null });
    expect(parseEdgexVersion("2.3.0")).toMatchObject({ line: "other" });
    expect(parseEdgexVersion("master")).toBeNull();
  });

  it("takes the version most services report, the newer on a tie, ignoring gaps", () => {
    expect(detectEdgexRelease(["3.1.1", "3.1.1", "4.0.2", null, undefined])).toMatchObject({ version: "3.1.1" });
    expect(detectEdgexRelease(["3.1.1", "4.0.2"])).toMatchObject({ version: "4.0.2" });
    expect(detectEdgexRelease([null, "garbage"])).toBeNull();
  });
});
