import { createHmac, timingSafeEqual } from "node:crypto";
import type { CookieOptions, Request } from "express";

// Small cookies signed with the session secret, for what must not need a
// session row: the sign-in form's CSRF token and the "signed in here
// before" device cookie. `purpose` keeps a value signed for one use from
// being accepted for another.

const mac = (secret: string, purpose: string, value: string) => createHmac("sha256", secret).update(`${purpose}\n${value}`).digest("base64url");

export const sign = (secret: string, purpose: string, value: string) => `${value}.${mac(secret, purpose, value)}`;

/** The value inside a signed cookie, or null when its signature is not ours. */
export function unsign(secret: string, purpose: string, signed: string | undefined): string | null {
  const dot = signed?.lastIndexOf(".") ?? -1;
  if (!signed || dot <= 0) return null;
  const value = signed.slice(0, dot);
  return sameText(signed.slice(dot + 1), mac(secret, purpose, value)) ? value : null;
}

/** Compares in constant time, so a forged value cannot be found a character at a time. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** httpOnly, same-site only, Secure when the request came over HTTPS; scoped to the sign-in form. */
export const loginCookie = (req: Request, extra: CookieOptions = {}): CookieOptions => ({
  httpOnly: true,
  sameSite: "strict",
  secure: req.secure,
  path: "/login",
  ...extra,
});
