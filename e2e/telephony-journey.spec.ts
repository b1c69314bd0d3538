import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { onHost, signIn, watchConsole } from "./helpers";

// The e2e server runs with LINHA_DATA_DIR=.data-e2e and no Asterisk anywhere: the demo node
// pbx-sp1 points at 127.0.0.1:5038, where nothing listens (issue 5, Must show 5).
const CONFIG_ROOT = join(".data-e2e", "asterisk");

/** The generated pjsip_extensions.conf of every node, concatenated (the demo has one node). */
function generatedExtensions(): string {
  if (!existsSync(CONFIG_ROOT)) return "";
  return readdirSync(CONFIG_ROOT)
    .map((node) => join(CONFIG_ROOT, node, "pjsip_extensions.conf"))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
}

test("an admin adds an extension; without a PBX the files are written and the sync says the reload could not happen", async ({ page }) => {
  const errors = watchConsole(page);
  const number = String(2000 + randomInt(7000));
  await signIn(page, "acme", "ana@acme.test", "linha-demo");
  await expect(page).toHaveURL(/\/leads$/);

  await page.getByRole("link", { name: "Telefonia" }).click();
  await expect(page).toHaveURL(/\/telephony\/extensions$/);
  await expect(page.getByRole("cell", { name: "1001", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Novo ramal" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Número").fill(number);
  await dialog.getByLabel("Nome (identificador de chamadas)").fill("João Recepção");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  // An accent would reach the SIP caller id: refused, with the unaccented spelling offered.
  await expect(dialog.getByText("Use letras sem acento, ex.: “Joao Recepcao”.")).toBeVisible();
  await dialog.getByLabel("Nome (identificador de chamadas)").fill("Joao Recepcao");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  const secret = page.getByRole("dialog", { name: "Senha SIP" });
  await expect(secret.getByText(`acme_${number}`)).toBeVisible();
  await expect(secret.getByText("Copie agora: esta senha não será mostrada de novo.", { exact: false })).toBeVisible();
  await secret.getByRole("button", { name: "Já copiei" }).click();
  await expect(page.getByRole("cell", { name: number, exact: true })).toBeVisible();

  // The automatic (debounced) sync writes the new endpoint under .data-e2e/asterisk/<node>/ ...
  await expect.poll(generatedExtensions, { timeout: 30_000 }).toContain(`[acme_${number}]`);
  expect(generatedExtensions()).not.toContain("João");

  // ... and, with nothing listening on the AMI port, explains that Asterisk was not reloaded.
  await page.getByRole("link", { name: "Sincronização" }).click();
  await expect(page.getByText("Não recarregada").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/a recarga não aconteceu/).first()).toBeVisible();
  await page.getByRole("button", { name: "Sincronizar agora" }).click();
  await expect(page.getByText("Sincronização solicitada.")).toBeVisible();

  expect(errors).toEqual([]);
});

test("the console shows the unreachable PBX node with its reason and tests an outbound route", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, "admin", "root@linha.local", "linha-admin");
  await expect(page).toHaveURL(onHost("admin", "/"));

  await page.getByRole("link", { name: "PABX" }).click();
  const row = page.getByRole("row", { name: /pbx-sp1/ });
  await expect(row.getByText("Desconectado")).toBeVisible({ timeout: 30_000 });
  await row.getByRole("link", { name: "pbx-sp1" }).click();
  await expect(page.getByText(/ECONNREFUSED 127\.0\.0\.1:5038/).first()).toBeVisible();
  await expect(page.getByText("Não recarregada").first()).toBeVisible();

  await page.getByRole("link", { name: "Rotas" }).click();
  const tester = page.getByLabel("Número discado");
  await tester.fill("5511999990000");
  await tester.press("Enter");
  await expect(page.getByText("brasil-movel").last()).toBeVisible();
  await expect(page.getByText("PJSIP/5511999990000@gw_vivo-sp1")).toBeVisible();
  await expect(page.getByText("PJSIP/7701#5511999990000@gw_algar-sp1")).toBeVisible();

  expect(errors).toEqual([]);
});
