import { serverEnv } from "@/lib/env";
import { randomSecret, sealSecret } from "@/server/crypto/secret-box";

/** A registration password: random, URL-safe (passes SECRET_PATTERN), stored sealed, returned once. */
export function newTrunkSecret(): { secret: string; secretEnc: string } {
  const secret = randomSecret();
  return { secret, secretEnc: sealSecret(secret, serverEnv().APP_SECRET) };
}
