import { describe, expect, it } from "vitest";
import { groupsFromClaim, oidcUserFromClaims, usernameFromClaim } from "./oidc-profile";

const CONFIG = { usernameClaim: "preferred_username", groupsClaim: "groups" };

describe("OpenID claims → Outpost user", () => {
  it("makes a valid username from the claim, or a stable one from the subject", () => {
    expect(usernameFromClaim("Gina.Berlin", "s1")).toBe("gina.berlin");
    expect(usernameFromClaim("  __Max Mustermann!", "s1")).toBe("max-mustermann");
    expect(usernameFromClaim("王", "subject-1")).toMatch(/^sso-[0-9a-f]{12}$/);
    expect(usernameFromClaim("王", "subject-1")).toBe(usernameFromClaim(undefined, "subject-1"));
    expect(usernameFromClaim("x".repeat(100), "s")).toHaveLength(64);
  });

  it("reads groups from a list or a single string, drops junk and bounds them", () => {
    expect(groupsFromClaim(["berlin-ops", "berlin-ops", "", 3, "staff"])).toEqual(["berlin-ops", "staff"]);
    expect(groupsFromClaim("noc")).toEqual(["noc"]);
    expect(groupsFromClaim({ a: 1 })).toEqual([]);
    expect(groupsFromClaim(Array.from({ length: 500 }, (_, i) => `g${i}`))).toHaveLength(200);
  });

  it("maps a profile with the configured claims; a missing e-mail becomes a synthetic one", () => {
    expect(oidcUserFromClaims({ sub: "1", preferred_username: "gina", name: "Gina", email: "Gina@Example.test", groups: ["a"] }, CONFIG)).toEqual({
      username: "gina",
      displayUsername: "gina",
      name: "Gina",
      email: "gina@example.test",
      idpGroups: ["a"],
    });
    const custom = oidcUserFromClaims({ sub: "2", upn: "max@corp.example", roles: ["noc"] }, { usernameClaim: "upn", groupsClaim: "roles" });
    expect(custom).toMatchObject({ username: "max-corp.example", email: "max-corp.example@sso.outpost.invalid", idpGroups: ["noc"] });
  });
});
