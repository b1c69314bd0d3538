import { expect, test } from "@playwright/test";
import { expectSignedInToLeads, onHost, signIn, watchConsole } from "./helpers";

test("ana signs in on acme, creates a lead and finds it in the list; globex refuses her", async ({ page, context }) => {
  const errors = watchConsole(page);
  await signIn(page, "acme", "ana@acme.test", "linha-demo");
  await expectSignedInToLeads(page);
  await expect(page.getByTestId("workspace-name")).toHaveText("Acme Comércio e Serviços Ltda");
  await expect(page.getByTestId("lead-row").first()).toBeVisible();

  // The session cookie is host-only: it belongs to acme.localhost and no other host.
  const session = (await context.cookies()).find((c) => c.name === "linha.session");
  expect(session?.domain).toBe("acme.localhost");

  const name = `Lead E2E ${Date.now()}`;
  await page.getByRole("button", { name: "Novo lead" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Nome").fill(name);
  await dialog.getByLabel("Empresa").fill("Padaria Pão Dourado Ltda");
  await dialog.getByLabel("CNPJ").fill("11.222.333/0001-81");
  await dialog.getByLabel("Telefone").fill("(11) 98765-4321");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Lead criado.")).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByRole("searchbox", { name: "Buscar" }).fill(name);
  const row = page.getByTestId("lead-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("(11) 98765-4321");
  await expect(row).toContainText("11.222.333/0001-81");

  // Same user, another tenant's host: refused with a clear message, and no session there.
  await signIn(page, "globex", "ana@acme.test", "linha-demo");
  await expect(page.getByTestId("login-error")).toHaveText("Esta conta não tem acesso a este workspace.");
  await page.goto(onHost("globex", "/leads"));
  await expect(page).toHaveURL(onHost("globex", "/login"));
  expect(errors).toEqual([]);
});

test("bad lead input shows field messages and saves nothing", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, "acme", "rui@acme.test", "linha-demo");
  await expectSignedInToLeads(page);
  const rangeBefore = await page.getByTestId("leads-range").textContent();

  await page.getByRole("button", { name: "Novo lead" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("CNPJ").fill("11.222.333/0001-82");
  await dialog.getByLabel("Telefone").fill("12345");
  await dialog.getByLabel("E-mail").fill("nao-e-email");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByText("Campo obrigatório.")).toBeVisible();
  await expect(dialog.getByText("CNPJ inválido. Confira os dígitos.")).toBeVisible();
  await expect(dialog.getByText(/Telefone inválido/)).toBeVisible();
  await expect(dialog.getByText("E-mail inválido.")).toBeVisible();
  await expect(dialog.getByLabel("Nome")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Nome").fill("N".repeat(130));
  await expect(dialog.getByLabel("Nome")).toHaveValue("N".repeat(120)); // the input itself caps the length
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(page.getByTestId("leads-range")).toHaveText(rangeBefore ?? "");
  expect(errors).toEqual([]);
});

test("wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "acme", "rui@acme.test", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("E-mail ou senha incorretos.");
  await expect(page).toHaveURL(onHost("acme", "/login"));
});

test("unknown and direct hosts get clear pages", async ({ page }) => {
  await page.goto(onHost("nao-existe", "/login"));
  await expect(page.getByRole("heading", { name: "Workspace não encontrado" })).toBeVisible();
  await expect(page.getByText("nao-existe.localhost")).toBeVisible();

  // Tenant pages are reachable only through their host.
  const direct = await page.goto(onHost(null, "/t/acme/leads"));
  expect(direct?.status()).toBe(404);

  await page.goto(onHost(null));
  await page.getByLabel("Workspace").fill("Acme!");
  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page.getByText("Use letras minúsculas, números e hífens (ex.: acme).")).toBeVisible();
  await page.getByLabel("Workspace").fill("acme");
  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page).toHaveURL(onHost("acme", "/login"));
});

test("the language switch turns the workspace into English and back", async ({ page }) => {
  await signIn(page, "acme", "ana@acme.test", "linha-demo");
  await expectSignedInToLeads(page);
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "New lead" })).toBeVisible();
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "Português (Brasil)" }).click();
  await expect(page.getByRole("button", { name: "Novo lead" })).toBeVisible();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", checks: { database: { status: "up" } } });
});

test("signing out ends the session on this host", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, "acme", "rui@acme.test", "linha-demo");
  await expectSignedInToLeads(page);
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(onHost("acme", "/login"));
  await page.goto(onHost("acme", "/leads"));
  await expect(page).toHaveURL(onHost("acme", "/login"));
  expect(errors).toEqual([]);
});

test("repeated wrong passwords lock the account, and then even the right one is refused", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(onHost("globex", "/login"));
  const error = page.getByTestId("login-error");
  // Up to five failures lock the account (fewer if an earlier run already locked it).
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("E-mail").fill("gil@globex.test");
    await page.getByLabel("Senha").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(error).toBeVisible();
    if ((await error.textContent())?.startsWith("Muitas tentativas")) break;
    await expect(error).toHaveText("E-mail ou senha incorretos.");
  }
  await expect(error).toHaveText(/^Muitas tentativas sem sucesso\. Tente novamente em \d+ min\.$/);
  await page.getByLabel("Senha").fill("linha-demo");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(error).toHaveText(/^Muitas tentativas sem sucesso/);
  await expect(page).toHaveURL(onHost("globex", "/login"));
  expect(errors).toEqual([]);
});
