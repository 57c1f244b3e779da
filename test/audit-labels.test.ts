// Each feature registers its audit labels (claims/claims.audit.ts and the
// others); /audit's action filter reads them as one table did before: the
// same groups, in the same order, the same labels, the unknown ones last.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, recordAudits } from "../src/audit/audit.service.ts";
import { testApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const EXPECTED: [string, [string, string][]][] = [
  [
    "Claims",
    [
      ["claim.create", "Claim created"],
      ["claim.update", "Claim edited"],
      ["claim.status", "Status changed"],
      ["claim.resolve", "Claim resolved"],
      ["claim.reopen", "Claim reopened"],
      ["claim.flag", "Flagged for review"],
      ["claim.review", "Review done"],
      ["claim.entities", "People and organisations changed"],
      ["evidence.add", "Evidence added"],
      ["evidence.remove", "Evidence removed"],
    ],
  ],
  [
    "Sources",
    [
      ["source.create", "Source created"],
      ["source.update", "Source edited"],
    ],
  ],
  [
    "People and organisations",
    [
      ["entity.create", "Entity created"],
      ["entity.update", "Entity edited"],
      ["entity.alias.add", "Alias added"],
      ["entity.alias.remove", "Alias removed"],
      ["entity.merge", "Entities merged"],
    ],
  ],
  [
    "Accounts",
    [
      ["user.create", "Account created"],
      ["user.role", "Role changed"],
      ["user.token", "API token issued"],
      ["user.token.revoke", "API tokens revoked"],
      ["user.disable", "Account disabled"],
      ["user.enable", "Account enabled"],
      ["user.password", "Password changed"],
      ["user.locale", "Interface language chosen"],
    ],
  ],
  ["The ledger", [["import.run", "Ledger imported"]]],
  ["Other", [["claim.archive_all", "Claim archive all"]]],
];

/** The action filter's groups and choices, as the page lists them. */
function filterOf(html: string): [string, [string, string][]][] {
  const start = html.indexOf('<select id="field-action"');
  const select = html.slice(start, html.indexOf("</select>", start));
  return [...select.matchAll(/<optgroup label="([^"]+)">([\s\S]*?)<\/optgroup>/g)].map((g) => [
    g[1]!,
    [...g[2]!.matchAll(/<option value="([^"]+)" [^>]*>([^<]+)<\/option>/g)].map((o) => [o[1]!, o[2]!]),
  ]);
}

describe("/audit's action filter, from the features' registrations", () => {
  it("lists every action in its feature's group, in the order of the one table it replaces, in English and French", async () => {
    // one event of every action, newest first in the log, so that the order shown is the registry's, not the log's
    const actions = EXPECTED.flatMap(([, choices]) => choices.map(([action]) => action)).reverse();
    await t.db.$transaction((tx) =>
      recordAudits(
        tx,
        SYSTEM,
        actions.map((action) => ({ action, subjectType: "ledger", subjectId: 0, changes: {} })),
      ),
    );
    const admin = await t.signIn("admin");
    const english = filterOf((await admin.agent.get("/audit").expect(200)).text);
    // the sign-in itself logged a user.create, already in the table
    expect(english).toEqual(EXPECTED);
    const french = filterOf((await admin.agent.get("/audit").set("Accept-Language", "fr").expect(200)).text);
    expect(french.map(([group]) => group)).toEqual(["Affirmations", "Sources", "Personnes et organisations", "Comptes", "Le registre", "Autre"]);
    expect(french[0]![1][0]).toEqual(["claim.create", "Affirmation créée"]);
  });
});
