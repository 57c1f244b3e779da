import { describe, expect, it } from "vitest";
import { OPEN_STATUSES, RESOLVED_STATUSES, STATUSES, TRANSITIONS, refusal, transitionKind } from "../src/claims/status.ts";

describe("status transitions table", () => {
  it("lets open claims move between open states by editing", () => {
    expect(transitionKind("unverified", "rumored")).toBe("reclassify");
    expect(transitionKind("rumored", "unverified")).toBe("reclassify");
  });

  it("lets every open claim be resolved to every outcome, and only by resolving", () => {
    for (const from of OPEN_STATUSES)
      for (const to of RESOLVED_STATUSES) {
        expect(transitionKind(from, to)).toBe("resolve");
        expect(refusal(from, to, "resolve")).toBeNull();
        expect(String(refusal(from, to, "reclassify"))).toMatch(/resolve it/);
      }
  });

  it("sends a resolved claim back only to an open state, only by reopening", () => {
    for (const from of RESOLVED_STATUSES) {
      for (const to of OPEN_STATUSES) expect(transitionKind(from, to)).toBe("reopen");
      for (const to of RESOLVED_STATUSES) expect(transitionKind(from, to)).toBeNull();
    }
    expect(String(refusal("confirmed", "false", "resolve"))).toMatch(/reopen it first/);
    expect(String(refusal("confirmed", "rumored", "reclassify"))).toMatch(/reopen it with a reason/);
  });

  it("refuses staying put with a clear message", () => {
    for (const s of STATUSES) {
      expect(transitionKind(s, s)).toBeNull();
      expect(String(refusal(s, s, "resolve"))).toMatch(/already/);
    }
  });

  it("has a row for every status", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });
});
