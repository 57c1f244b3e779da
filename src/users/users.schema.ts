import { z } from "zod";
import { LOCALES, N_ } from "../i18n/i18n.ts";
import { text } from "../validation.ts";
import { ROLES } from "../roles.ts";
import { isCommonPassword } from "./common-passwords.ts";

/**
 * The one form of an email that accounts, sign-in and the sign-in throttle
 * compare: "  Ｅd@Example.org " and "ed@example.org" are one account and one
 * throttle key (NFKC folds full-width and other look-alike forms).
 */
export const normalEmail = (value: string) => value.normalize("NFKC").trim().toLowerCase();

export const email = z
  .string({ error: N_("Email is required.") })
  .transform(normalEmail)
  .pipe(z.email({ error: N_("Must be an email address, e.g. editor@example.org.") }).max(254));

/** A new password, with the reason in words when it is refused. */
export const password = z
  .string({ error: N_("A password is required.") })
  .min(12, N_("Passwords need at least 12 characters."))
  .max(1024, N_("At most 1,024 characters."))
  .refine((p) => !p.includes("\0"), N_("A password cannot contain the NUL character."))
  .refine((p) => p.trim() !== "", N_("A password cannot be only spaces."))
  .refine((p) => !isCommonPassword(p), N_("This is one of the most common passwords, which attackers try first. Choose another."));

/** Adds the "not your email" rule to a schema with email and password fields. */
const notTheEmail = <T extends { email: string; password: string }>(v: T, ctx: z.RefinementCtx) => {
  if (normalEmail(v.password) === v.email)
    ctx.addIssue({ code: "custom", path: ["password"], message: N_("A password cannot be the account's email address.") });
};

export const newUserSchema = z
  .object({
    email,
    name: text(120).default(""),
    role: z.enum(ROLES, { error: N_("Role must be viewer, editor or admin.") }),
    password,
  })
  .superRefine(notTheEmail);
export type NewUser = z.infer<typeof newUserSchema>;

/** A password set for an account whose email is known (the service adds it). */
export const passwordSchema = z.object({ email: z.string(), password }).superRefine(notTheEmail);

/** A user's own change: the current password proves it is them, not someone at their unlocked screen. */
export const ownPasswordSchema = z.object({
  current: z
    .string({ error: N_("Enter your current password.") })
    .min(1, N_("Enter your current password."))
    .max(1024),
  password: z.string({ error: N_("Enter a new password.") }).max(1024, N_("At most 1,024 characters.")),
  confirm: z.string({ error: N_("Enter the new password again.") }).max(1024, N_("At most 1,024 characters.")),
});

export const loginSchema = z.object({
  email: z.string().max(1000).transform(normalEmail).pipe(z.string().max(254)).default(""),
  password: z.string().max(1024).default(""),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const roleChangeSchema = z.object({ role: z.enum(ROLES, { error: N_("Role must be viewer, editor or admin.") }) });

/** The account's interface language: "" (the form's "Automatic") is none, and follows the browser. */
export const localeSchema = z.object({
  locale: z.preprocess((v) => (v === "" ? null : v), z.enum(LOCALES, { error: N_("Choose English, Français or Automatic.") }).nullable()),
});
