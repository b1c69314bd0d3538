import { expect, test } from "@playwright/test";
import { onHost, signIn, watchConsole } from "./helpers";

// CI starts from an empty database, where the tenant is exactly `initech`; a local re-run against
// a kept .data-e2e gets a fresh slug instead of colliding with the first run's tenant.
const slug = process.env.CI ? "initech" : `initech-${Date.now().toString(36)}`;

test("the operator creates initech; its owner accepts the invitation and sees the plan's usage", async ({ browser }) => {
  const operator = await (await browser.newContext({ locale: "pt-BR" })).newPage();
  const operatorErrors = watchConsole(operator);
  await signIn(operator, "admin", "root@linha.local", "linha-admin");
  await expect(operator).toHaveURL(onHost("admin", "/"));

  await operator.getByRole("button", { name: "Nova empresa" }).first().click();
  const form = operator.getByRole("dialog");
  await form.getByLabel("Razão social ou nome").fill("Initech Brasil Ltda");
  await form.getByLabel("Endereço").fill(slug);
  await form.getByLabel("CNPJ").fill("11.222.333/0001-81");
  await form.getByRole("combobox", { name: "Plano" }).click();
  await operator.getByRole("option", { name: /^Pro/ }).click();
  await form.getByLabel("Nome do proprietário").fill("Bill Lumbergh");
  await form.getByLabel("E-mail do proprietário").fill(`bill@${slug}.test`);
  await form.getByRole("button", { name: "Criar empresa" }).click();

  const linkDialog = operator.getByTestId("invitation-link-dialog");
  await expect(linkDialog).toBeVisible();
  const link = await linkDialog.getByLabel("Link de convite").inputValue();
  expect(link).toMatch(new RegExp(`^http://${slug}\\.localhost:\\d+/invite/[A-Za-z0-9_-]+$`));
  expect(operatorErrors).toEqual([]);

  // The owner, in a browser of their own, on the new tenant's host.
  const owner = await (await browser.newContext({ locale: "pt-BR" })).newPage();
  const ownerErrors = watchConsole(owner);
  await owner.goto(link);
  await expect(owner.getByTestId("invite-email")).toHaveText(`bill@${slug}.test`);
  await owner.getByLabel("Seu nome").fill("Bill Lumbergh");
  await owner.getByLabel("Crie uma senha").fill("yeah-if-you-could");
  await owner.getByLabel("Repita a senha").fill("yeah-if-you-could");
  await owner.getByRole("button", { name: "Aceitar convite" }).click();
  await expect(owner).toHaveURL(onHost(slug, "/leads"));
  await expect(owner.getByTestId("workspace-name")).toHaveText("Initech Brasil Ltda");

  await owner.goto(onHost(slug, "/settings?tab=plan"));
  await expect(owner.getByText("Plano Pro")).toBeVisible();
  await expect(owner.getByTestId("usage-users")).toContainText("1 de 25");
  await expect(owner.getByTestId("usage-extensions")).toContainText("0 de 25");
  await expect(owner.getByTestId("usage-dids")).toContainText("0 de 10");

  // The same owner signs in again later with the password they chose.
  await owner.context().clearCookies();
  await signIn(owner, slug, `bill@${slug}.test`, "yeah-if-you-could");
  await expect(owner).toHaveURL(onHost(slug, "/leads"));
  expect(ownerErrors).toEqual([]);
});

test("a tenant user cannot open the console", async ({ page }) => {
  await signIn(page, "acme", "ana@acme.test", "linha-demo");
  await expect(page).toHaveURL(onHost("acme", "/leads"));
  // Her acme session is host-only: the console sees no session and asks for its own sign-in…
  for (const path of ["/", "/plans", "/inventory", "/audit"]) {
    await page.goto(onHost("admin", path));
    await expect(page).toHaveURL(onHost("admin", "/login"));
  }
  // …which refuses her.
  await page.getByLabel("E-mail").fill("ana@acme.test");
  await page.getByLabel("Senha").fill("linha-demo");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Esta conta não tem acesso ao console do operador.");
});
