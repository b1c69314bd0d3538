import pg from "pg";

export const APP_ROLE = "linha_app";

/**
 * The migrations create `linha_app` without a password (NOLOGIN). Give it one so the app can
 * connect as that role, and return the URL it connects with: the owner's URL with the user swapped.
 */
export async function enableAppRoleLogin(ownerUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}
