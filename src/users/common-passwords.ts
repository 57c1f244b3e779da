import { dictionary } from "@zxcvbn-ts/language-common";

// The 49,233 most common passwords of leaked password sets, as ranked by the
// zxcvbn-ts project (@zxcvbn-ts/language-common, MIT), shipped with the
// package: nothing is fetched at run time. Loaded on first use (about 35 ms).
let common: Set<string> | undefined;

/**
 * Whether a password is a common one, ignoring case and surrounding spaces,
 * or one repeated ("qwertyqwerty"): the guesses an attacker makes first.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  const p = password.trim().toLowerCase();
  if (common.has(p)) return true;
  const repeated = /^(.+?)\1+$/su.exec(p);
  return repeated !== null && common.has(repeated[1]!);
}
