import { z } from "zod";

export const SignInInput = z.object({
  email: z.string().trim().min(1, "auth.emailRequired").max(254, "errors.too_long?max=254"),
  password: z.string().min(1, "auth.passwordRequired").max(200, "errors.too_long?max=200"),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** POST /api/session's answer. `error` is a LoginFailure code such as "locked" (with params). */
export type SignInResult = { ok: true } | { ok: false; error: string; params?: Record<string, number> };
