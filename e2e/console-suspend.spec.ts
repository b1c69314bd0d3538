import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectSignedInToLeads, onHost, signIn, watchConsole } from "./helpers";

// Suspends the demo tenant acme, which other journeys use: whatever happens here, acme is made
// active again at the end, through the console's own API with the operator's session.

type TenantRow = { id: string; slug: string; status: string };

/**
 * Reactivates acme unless it is active, through the console's tRPC endpoint from the operator's
 * page (the browser resolves *.localhost and carries the console session; Node's resolver would not).
 */
async function reactivateAcme(operator: Page) {
  if (!operator.url().startsWith(onHost("admin"))) await operator.goto(onHost("admin", "/"));
  const result = await operator.evaluate(async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { search: "acme", status: "all" } }));
    const list = await fetch(`/api/trpc/admin.tenants.list?input=${input}`).then((r) => r.json());
    const acme = (list.result.data.json.items as TenantRow[]).find((t) => t.slug === "acme");
    if (!acme) return "acme is not in the console's list";
    if (acme.status === "active") return "active";
    const response = await fetch("/api/trpc/admin.tenants.reactivate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { id: acme.id } }),
    });
    return response.ok ? "active" : `reactivation failed: ${response.status}`;
  });
  expect(result).toBe("active");
}

async function operatorPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ locale: "pt-BR" })).newPage();
  await signIn(page, "admin", "root@linha.local", "linha-admin");
  await expect(page).toHaveURL(onHost("admin", "/"));
  return page;
}

/** Opens acme's action menu in the console's tenant list and confirms `action`. */
async function consoleAction(page: Page, menuItem: string, confirmLabel: string) {
  await page.goto(onHost("admin", "/"));
  const row = page.locator('[data-testid="tenant-row"][data-slug="acme"]');
  await expect(row).toHaveCount(1);
  await row.getByTestId("tenant-actions").click();
  await page.getByRole("menuitem", { name: menuItem }).click();
  const dialog = page.getByTestId("tenant-confirm");
  await expect(dialog).toBeVisible();
  return { row, dialog, confirm: () => dialog.getByRole("button", { name: confirmLabel }).click() };
}

test.describe("suspending a tenant from the console", () => {
  let operator: Page | undefined;

  test.afterAll(async () => {
    if (operator) await reactivateAcme(operator);
  });

  test("cuts ana off at once, and reactivation gives her access back", async ({ browser }) => {
    // ana works in acme in her own browser; her session is open before the suspension.
    const ana = await (await browser.newContext({ locale: "pt-BR" })).newPage();
    let anaErrors = watchConsole(ana);
    await signIn(ana, "acme", "ana@acme.test", "linha-demo");
    await expectSignedInToLeads(ana);

    operator = await operatorPage(browser);
    const operatorErrors = watchConsole(operator);
    await reactivateAcme(operator); // a previous failed run may have left it suspended

    const suspend = await consoleAction(operator, "Suspender", "Suspender");
    await expect(suspend.dialog).toContainText("próxima sincronização do PBX");
    await suspend.confirm();
    await expect(operator.getByText("Empresa suspensa.")).toBeVisible();
    await expect(suspend.row.getByTestId("tenant-status")).toHaveText("Suspensa");
    expect(operatorErrors).toEqual([]);
    expect(anaErrors).toEqual([]);

    // Her next API call (saving a lead from the page she already has open) is refused, clearly.
    await ana.getByRole("button", { name: "Novo lead" }).click();
    await ana.getByRole("dialog").getByLabel("Nome").fill("Depois da suspensão");
    await ana.getByRole("dialog").getByRole("button", { name: "Salvar" }).click();
    await expect(ana.getByText("Este workspace está suspenso.")).toBeVisible();

    // Her next navigation shows the suspended notice instead of the workspace.
    await ana.goto(onHost("acme", "/leads"));
    await expect(ana.getByRole("heading", { name: "Workspace suspenso" })).toBeVisible();
    await expect(ana.getByText("O acesso a Acme Comércio e Serviços Ltda está suspenso.", { exact: false })).toBeVisible();
    await expect(ana.getByRole("heading", { name: "Leads" })).toHaveCount(0);

    // She cannot sign in again: the sign-in page is the notice, and the sign-in endpoint refuses.
    await ana.goto(onHost("acme", "/login"));
    await expect(ana.getByRole("heading", { name: "Workspace suspenso" })).toBeVisible();
    await expect(ana.getByLabel("Senha")).toHaveCount(0);
    const signInAttempt = await ana.evaluate(() =>
      fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "ana@acme.test", password: "linha-demo" }),
      }).then((r) => r.json()),
    );
    expect(signInAttempt).toEqual({ ok: false, error: "workspace_unavailable", params: {} });

    // The operator reactivates acme from the console.
    const reactivate = await consoleAction(operator, "Reativar", "Reativar");
    await reactivate.confirm();
    await expect(operator.getByText("Empresa reativada.")).toBeVisible();
    await expect(reactivate.row.getByTestId("tenant-status")).toHaveText("Ativa");
    expect(operatorErrors).toEqual([]);

    // The session ana already had works again, without signing in.
    anaErrors = watchConsole(ana);
    await ana.goto(onHost("acme", "/leads"));
    await expectSignedInToLeads(ana);
    await expect(ana.getByTestId("lead-row").first()).toBeVisible();
    expect(anaErrors).toEqual([]);
  });
});
