import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import { Gate, type Ticket } from "./gate.ts";

// Every argon2 hash and verification of the process goes through one gate:
// the CPU they share is the process's, so the bound is per process too.
const gate = new Gate();

export const hashPassword = (password: string): Promise<string> => gate.run({}, () => argon2.hash(password, { type: argon2.argon2id }));

// A hash of a password nobody has, so an unknown email costs as much as a wrong password.
const decoyHash = argon2.hash(randomBytes(16).toString("hex"), { type: argon2.argon2id });

/** Whether a password check with this ticket would be refused now (so the caller spends nothing more on it). */
export const gateRefuses = (ticket: Ticket) => gate.refuses(ticket);

/** Whether password matches hash (the decoy's when there is no account); throws Busy when the gate is full. */
export async function verifyPassword(hash: string | null | undefined, password: string, ticket: Ticket = {}): Promise<boolean> {
  const against = hash ?? (await decoyHash);
  return gate.run(ticket, () => argon2.verify(against, password));
}
