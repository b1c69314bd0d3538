import { getServerSession, type Session } from "next-auth";
import { authOptions } from "./options";

export async function currentSession(): Promise<Session | null> {
  return getServerSession(authOptions());
}
