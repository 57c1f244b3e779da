// Who may hold a claim, and the event that records a change of assignee.
import type { Tx } from "../db.ts";
import { Invalid } from "../errors.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import type { AuditInput } from "../audit/audit.service.ts";

/** The roles that may be assigned a claim: those who can work on it. */
export const ASSIGNABLE_ROLES = ["editor", "admin"] as const;

/**
 * Refuses, as a 422 on assigneeId, an id that names no account, a disabled
 * one or a viewer's: none of them could work on the claim.
 */
export async function assertAssignable(tx: Tx, userId: number): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!user) throw new Invalid({ assigneeId: msg("No account has the id {id}.", { id: String(userId) }) });
  if (user.disabledAt) throw new Invalid({ assigneeId: N_("That account is disabled: choose an active editor.") });
  if (!(ASSIGNABLE_ROLES as readonly string[]).includes(user.role))
    throw new Invalid({ assigneeId: N_("A viewer cannot be assigned a claim: choose an editor or an admin.") });
}

/** The claim.assign event: the triggers make the new assignee watch the claim and tell the watchers. */
export const claimAssigned = (claimId: number, before: number | null, after: number | null): AuditInput => ({
  action: "claim.assign",
  subjectType: "claim",
  subjectId: claimId,
  changes: { assigneeId: [before, after] },
});
