import { z } from "zod";
import { text } from "../validation.ts";

export const ROLES = ["viewer", "editor", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

export const email = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Must be an email address, e.g. editor@example.org." }).max(254));

export const newUserSchema = z.object({
  email,
  name: text(120).default(""),
  role: z.enum(ROLES, { error: "Role must be viewer, editor or admin." }),
  password: z.string().min(12, "Passwords need at least 12 characters.").max(1024, "At most 1024 characters."),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).default(""),
  password: z.string().max(1024).default(""),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const roleChangeSchema = z.object({ role: z.enum(ROLES, { error: "Role must be viewer, editor or admin." }) });
