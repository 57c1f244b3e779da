import { describe, expect, it } from "vitest";
import { readTimes, timeFormValues } from "../src/claims/claims.time.ts";
import { formatOccurred, fromLocal, timeWarnings, type Precision } from "../src/claims/occurred.ts";

/** What readTimes stores for a date (and time) in a zone, as ISO text; throws on a refusal. */
function stored(occurredDate: string, occurredPrecision: string, occurredZone: string, occurredTime: string | null = null) {
  const { values, errors } = readTimes({ occurredDate, occurredTime, occurredPrecision: occurredPrecision as Precision, occurredZone });
  if (Object.keys(errors).length) throw new Error(JSON.stringify(errors));
  return { ...values, occurredAt: values.occurredAt?.toISOString() };
}

// messages as their English text (pages translate them)
const errorsOf = (input: Parameters<typeof readTimes>[0]) => Object.fromEntries(Object.entries(readTimes(input).errors).map(([k, v]) => [k, String(v)]));

describe("readTimes: a date with a precision in a zone, to the stored UTC instant", () => {
  it("the evening of 16 Nov 2023 in San Francisco (PST) is 17 Nov 02:00–08:00 UTC, stored as its middle, 05:00", () => {
    expect(stored("2023-11-16", "evening", "America/Los_Angeles")).toEqual({
      occurredAt: "2023-11-17T05:00:00.000Z",
      occurredPrecision: "evening",
      occurredZone: "America/Los_Angeles",
    });
  });

  it("the evening of 20 Nov 2023 in Beijing (UTC+8) is 10:00–16:00 UTC, stored as 13:00; 14:00 Beijing is 06:00 UTC", () => {
    expect(stored("2023-11-20", "evening", "Asia/Shanghai").occurredAt).toBe("2023-11-20T13:00:00.000Z");
    expect(stored("2023-11-20", "instant", "Asia/Shanghai", "14:00")).toMatchObject({ occurredAt: "2023-11-20T06:00:00.000Z", occurredPrecision: "instant" });
  });

  it("each precision in Paris in summer (UTC+2) is the middle of its local hours", () => {
    const cases: [string, string][] = [
      ["night", "2023-07-01T01:00:00.000Z"],
      ["morning", "2023-07-01T07:00:00.000Z"],
      ["afternoon", "2023-07-01T13:00:00.000Z"],
      ["evening", "2023-07-01T19:00:00.000Z"],
      ["day", "2023-07-01T10:00:00.000Z"],
    ];
    for (const [precision, at] of cases) expect(stored("2023-07-01", precision, "Europe/Paris").occurredAt, precision).toBe(at);
  });

  it("a day when Paris's clocks go forward lasts 23 hours and a night 5; 02:30 that night never happened and is refused", () => {
    expect(stored("2023-03-26", "day", "Europe/Paris").occurredAt).toBe("2023-03-26T10:30:00.000Z");
    expect(stored("2023-03-26", "night", "Europe/Paris").occurredAt).toBe("2023-03-26T01:30:00.000Z");
    expect(stored("2023-03-26", "instant", "Europe/Paris", "03:00").occurredAt).toBe("2023-03-26T01:00:00.000Z");
    expect(errorsOf({ occurredDate: "2023-03-26", occurredTime: "02:30", occurredZone: "Europe/Paris" }).occurredTime).toMatch(
      /There was no 02:30 on 2023-03-26 in Paris/,
    );
  });

  it("a time shown twice when clocks go back is the first of the two (San Francisco, 5 Nov 2023, 01:30 PDT)", () => {
    expect(stored("2023-11-05", "instant", "America/Los_Angeles", "01:30").occurredAt).toBe("2023-11-05T08:30:00.000Z");
    expect(stored("2023-11-05", "day", "America/Los_Angeles").occurredAt).toBe("2023-11-05T19:30:00.000Z"); // 25 hours from 07:00 UTC
    expect(fromLocal({ y: 2023, mo: 10, d: 29, h: 2, mi: 30, s: 0 }, "Europe/Paris")?.toISOString()).toBe("2023-10-29T00:30:00.000Z");
  });

  it("a date without a time is the whole day; a time without a precision is an instant", () => {
    expect(readTimes({ occurredDate: "2023-11-21", occurredZone: "Asia/Shanghai" }).values.occurredPrecision).toBe("day");
    expect(readTimes({ occurredDate: "2023-11-21", occurredTime: "09:00", occurredZone: "Asia/Shanghai" }).values.occurredPrecision).toBe("instant");
    // through occurredAt, a bare date is a day too, not its midnight
    expect(readTimes({ occurredAt: "2023-11-21", occurredZone: "Asia/Shanghai" }).values).toMatchObject({
      occurredPrecision: "day",
      occurredAt: new Date("2023-11-21T04:00:00Z"),
    });
  });

  it("an ISO instant keeps working: UTC unless it has an offset or a zone is given, and its span when one is named", () => {
    expect(readTimes({ occurredAt: "2023-11-20T06:00" }).values).toEqual({
      occurredAt: new Date("2023-11-20T06:00:00Z"),
      occurredPrecision: "instant",
      occurredZone: "UTC",
    });
    expect(readTimes({ occurredAt: "2023-11-20T14:00", occurredZone: "Asia/Shanghai" }).values.occurredAt).toEqual(new Date("2023-11-20T06:00:00Z"));
    expect(readTimes({ occurredAt: "2023-11-20T07:00+01:00", occurredZone: "Asia/Shanghai" }).values.occurredAt).toEqual(new Date("2023-11-20T06:00:00Z"));
    // an export's middle of a span gives back the same span
    expect(readTimes({ occurredAt: "2023-11-17T05:00:00.000Z", occurredPrecision: "evening", occurredZone: "America/Los_Angeles" }).values.occurredAt).toEqual(
      new Date("2023-11-17T05:00:00Z"),
    );
  });

  it("refuses impossible dates and times, unknown zones and contradictory fields, naming the field", () => {
    expect(errorsOf({ occurredDate: "2023-02-30", occurredTime: "10:00" }).occurredDate).toMatch(/real calendar date/);
    expect(errorsOf({ occurredAt: "2023-02-30T10:00" }).occurredAt).toMatch(/Must be a date and time/);
    expect(errorsOf({ occurredAt: "2023-02-30" }).occurredAt).toMatch(/Must be a date and time/);
    expect(errorsOf({ occurredDate: "2023-11-20", occurredTime: "24:00" }).occurredTime).toMatch(/from 00:00 to 23:59/);
    expect(errorsOf({ occurredDate: "2023-11-20", occurredZone: "Mars/Olympus_Mons" }).occurredZone).toMatch(/not a time zone this server knows/);
    expect(errorsOf({ occurredDate: "2023-11-20", occurredTime: "21:00", occurredPrecision: "evening" }).occurredTime).toMatch(/clear the time/);
    expect(errorsOf({ occurredDate: "2023-11-20", occurredPrecision: "instant" }).occurredTime).toMatch(/Give the time/);
    expect(errorsOf({ occurredDate: "2023-11-20", occurredAt: "2023-11-20T06:00Z" }).occurredAt).toMatch(/not both/);
    expect(errorsOf({ occurredTime: "14:00" }).occurredDate).toMatch(/Give the date/);
  });

  it("takes a city of the list for its zone, in any case", () => {
    expect(readTimes({ occurredDate: "2023-11-20", occurredZone: "beijing" }).values.occurredZone).toBe("Asia/Shanghai");
    expect(readTimes({ occurredDate: "2023-11-20", occurredZone: "asia/tokyo" }).values.occurredZone).toBe("Asia/Tokyo");
  });

  it("reads firstReportedAt without an offset in the claim's zone", () => {
    expect(readTimes({ firstReportedAt: "2023-11-20 22:00", occurredZone: "Asia/Shanghai" }).values.firstReportedAt).toEqual(new Date("2023-11-20T14:00:00Z"));
    expect(readTimes({ firstReportedAt: "2023-11-20" }).values.firstReportedAt).toEqual(new Date("2023-11-20T00:00:00Z"));
  });
});

const claim = (occurredAt: string, occurredPrecision: string, occurredZone: string) => ({ occurredAt: new Date(occurredAt), occurredPrecision, occurredZone });

describe("formatOccurred", () => {
  it("says the span in the claim's own zone, never a minute the source does not give", () => {
    expect(formatOccurred(claim("2023-11-17T05:00:00Z", "evening", "America/Los_Angeles"))).toBe("evening of 16 Nov 2023 (San Francisco)");
    expect(formatOccurred(claim("2023-11-20T13:00:00Z", "evening", "Asia/Shanghai"))).toBe("evening of 20 Nov 2023 (Beijing)");
    expect(formatOccurred(claim("2023-11-16T11:00:00Z", "day", "Europe/Paris"))).toBe("16 Nov 2023 (Paris)");
    expect(formatOccurred(claim("2023-11-16T02:00:00Z", "night", "Europe/Paris"))).toBe("night of 16 Nov 2023, 00:00–06:00 (Paris)");
    expect(formatOccurred(claim("2023-11-16T06:00:00Z", "instant", "Asia/Shanghai"))).toBe("16 Nov 2023, 14:00 (Beijing)");
    expect(formatOccurred(claim("2023-11-20T06:00:00Z", "instant", "UTC"))).toBe("20 Nov 2023, 06:00 UTC");
    expect(formatOccurred(claim("2023-11-20T06:00:00Z", "instant", "Asia/Tokyo"))).toBe("20 Nov 2023, 15:00 (Asia/Tokyo)");
    expect(formatOccurred({ occurredAt: null, occurredPrecision: "instant", occurredZone: "UTC" })).toBe("—");
  });

  it("the edit form gets the date, time and first report back in the claim's zone", () => {
    expect(timeFormValues({ ...claim("2023-11-17T05:00:00Z", "evening", "America/Los_Angeles"), firstReportedAt: new Date("2023-11-17T18:30:00Z") })).toEqual({
      occurredDate: "2023-11-16",
      occurredTime: "",
      occurredPrecision: "evening",
      occurredZone: "America/Los_Angeles",
      firstReportedAt: "2023-11-17 10:30",
    });
  });
});

describe("timeWarnings", () => {
  const evening = claim("2023-11-20T13:00:00Z", "evening", "Asia/Shanghai");
  it("warns when the first report is before the span began, not when it falls within it", () => {
    expect(timeWarnings({ ...evening, firstReportedAt: new Date("2023-11-20T09:59:00Z") }).map(String)).toEqual([
      "It was first reported on 20 Nov 2023, 17:59 (Beijing), before it occurred: evening of 20 Nov 2023 (Beijing). The claim is saved; check both times.",
    ]);
    expect(timeWarnings({ ...evening, firstReportedAt: new Date("2023-11-20T10:30:00Z") })).toEqual([]);
    expect(timeWarnings({ ...evening, firstReportedAt: null })).toEqual([]);
  });
});
