import { describe, expect, it } from "vitest";
import { eventFields, eventHash, newEventHash, GENESIS_HASH, type AuditInput } from "../src/audit/audit.service.ts";

// The chain is defined by eventHash (canonical JSON of the event); writers
// and the quick check of a walk use newEventHash, built from the stored
// text. They must agree on every event the writers can make.

const actor = { id: 7, label: "ed@example.org", role: "editor" as const };
const events: AuditInput[] = [
  { action: "claim.create", subjectType: "claim", subjectId: 1, changes: { statement: [null, "Sam Altman « est revenu »"], confidence: [null, 50] } },
  {
    action: "claim.resolve",
    subjectType: "claim",
    subjectId: 12,
    changes: { status: ["rumored", "false"], resolvedAt: [null, "2023-11-22T06:00:00.000Z"] },
    reason: 'He said "no"\n\ttwice \u2028 \u{1F600}',
    sourceIds: [3, 1],
  },
  {
    action: "evidence.add",
    subjectType: "claim",
    subjectId: 3,
    changes: { evidence: [null, { sourceId: 2, id: 9, stance: "supports", quote: "\\ back \u0000?" }] },
    sourceIds: [2],
  },
  { action: "import.run", subjectType: "ledger", subjectId: 0, changes: { zeta: [null, 1], alpha: [null, { b: [1, { d: 2, c: 3 }], a: null }] } },
  { action: "user.create", subjectType: "user", subjectId: 2, changes: {} },
];

describe("newEventHash", () => {
  it("gives the same hash as the canonical definition for events with nested, unordered, escaped and non-ASCII values", () => {
    let prev = GENESIS_HASH;
    for (const input of events) {
      const fields = eventFields({ ...actor, id: input.subjectType === "ledger" ? null : actor.id }, input, new Date(Date.UTC(2023, 10, 20, 6, 0, 0, 123)));
      expect(newEventHash(prev, fields)).toBe(eventHash(prev, fields));
      prev = eventHash(prev, fields);
    }
  });

  it("differs from the canonical hash when the stored JSON is laid out otherwise, which the walk then checks the canonical way", () => {
    const fields = eventFields(actor, events[0]!, new Date());
    const respaced = { ...fields, changes: JSON.stringify(JSON.parse(fields.changes), null, 1) };
    expect(eventHash(GENESIS_HASH, respaced)).toBe(eventHash(GENESIS_HASH, fields));
    expect(newEventHash(GENESIS_HASH, respaced)).not.toBe(eventHash(GENESIS_HASH, fields));
  });
});
