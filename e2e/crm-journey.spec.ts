import { expect, test, type Page } from "@playwright/test";
import { generateLeadsCsv } from "./fixtures/leads-csv";
import { onHost, signIn, watchConsole } from "./helpers";

// Issue 4, Must show 1: a rep's day in the CRM, end to end, in Debian's Chromium against `npm start`.

async function dragTo(page: Page, card: ReturnType<Page["locator"]>, column: ReturnType<Page["locator"]>) {
  // dnd-kit's pointer sensor starts a drag after a few pixels of movement: move in steps.
  const from = (await card.boundingBox())!;
  const to = (await column.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 12 });
  await page.mouse.up();
}

test("rui imports 1,000 leads, works one lead through the board and the timeline tells the story", async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);
  const runId = String(Date.now()).slice(-7);
  const csv = generateLeadsCsv(1000, runId);
  await signIn(page, "acme", "rui@acme.test", "linha-demo");
  await expect(page).toHaveURL(/\/leads$/);

  // Import: three bad rows are reported by line, the other 997 are imported.
  await page.getByRole("button", { name: "Importar CSV" }).click();
  const wizard = page.getByTestId("lead-import-dialog");
  await wizard.getByLabel("Arquivo CSV").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv.text, "utf8") });
  await wizard.getByRole("button", { name: "Conferir dados" }).click();
  const report = wizard.getByTestId("lead-import-report");
  await expect(report).toContainText("997 prontas para importar");
  await expect(report).toContainText("3 com erro");
  for (const line of csv.badLines) await expect(report.getByRole("cell", { name: String(line), exact: true })).toBeVisible();
  await expect(report).toContainText("telefone inválido “12345”");
  await wizard.getByRole("button", { name: "Importar 997 leads" }).click();
  await expect(wizard.getByTestId("lead-import-result")).toContainText("997 leads importados", { timeout: 60_000 });
  await wizard.getByRole("button", { name: "Concluir" }).click();

  // Filter by score: the referral with a CNPJ, a company address and 250 staff scores high.
  await page.getByRole("button", { name: "Filtros" }).click();
  await page.getByLabel("Mínima", { exact: true }).fill("50");
  await page.keyboard.press("Escape");
  await page.getByRole("searchbox", { name: "Buscar" }).fill(csv.hotLead);
  const hotRow = page.getByTestId("lead-row").filter({ hasText: csv.hotLead });
  await expect(hotRow).toHaveCount(1);
  await hotRow.getByRole("link", { name: csv.hotLead }).click();

  // The lead page: a note, an opportunity, a task.
  await expect(page.getByTestId("lead-name")).toHaveText(csv.hotLead);
  const leadUrl = page.url();
  await expect(page.getByTestId("call-button")).toBeEnabled();
  await page.getByTestId("composer-body").fill("Pediu proposta para 25 ramais.");
  await page.getByTestId("composer-submit").click();
  await expect(page.getByTestId("timeline-entry").first()).toContainText("Pediu proposta para 25 ramais.");

  const deal = `Plano Pro ${runId}`;
  await page.getByTestId("lead-opportunities").getByRole("button", { name: "Nova oportunidade" }).click();
  const dealDialog = page.getByRole("dialog");
  await dealDialog.getByLabel("Título").fill(deal);
  await dealDialog.getByLabel("Valor (R$)").fill("12.500,00");
  await dealDialog.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Oportunidade criada.")).toBeVisible();
  await expect(page.getByTestId("lead-opportunities")).toContainText(deal);

  // The board: drag the card across two stages with the mouse.
  await page.goto(onHost("acme", "/board"));
  const card = page.getByTestId("opportunity-card").filter({ hasText: deal });
  await expect(card).toBeVisible();
  const columns = page.getByTestId("board-column");
  await dragTo(page, card, columns.nth(1));
  await expect(columns.nth(1).getByTestId("opportunity-card").filter({ hasText: deal })).toBeVisible();
  await dragTo(page, columns.nth(1).getByTestId("opportunity-card").filter({ hasText: deal }), columns.nth(2));
  await expect(columns.nth(2).getByTestId("opportunity-card").filter({ hasText: deal })).toBeVisible();
  await page.reload();
  await expect(columns.nth(2).getByTestId("opportunity-card").filter({ hasText: deal })).toBeVisible();

  // Back on the lead: a task, then complete it.
  await page.goto(leadUrl);
  await expect(page.getByTestId("lead-name")).toHaveText(csv.hotLead);
  const task = `Enviar proposta ${runId}`;
  await page.getByTestId("lead-tasks").getByRole("button", { name: "Nova tarefa" }).click();
  const taskDialog = page.getByRole("dialog");
  await taskDialog.getByLabel("Título").fill(task);
  await taskDialog.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByTestId("lead-tasks")).toContainText(task);
  await page
    .getByTestId("lead-tasks")
    .getByRole("checkbox", { name: `Concluir “${task}”` })
    .click();
  await expect(page.getByText("Tarefa concluída.")).toBeVisible();

  // The timeline, newest first, tells each step in order.
  const kinds = page.getByTestId("timeline-entry");
  await expect(kinds.first()).toHaveAttribute("data-kind", "task_completed");
  const story = await kinds.evaluateAll((entries) => entries.map((e) => e.getAttribute("data-kind")));
  expect(story.slice(0, 7)).toEqual([
    "task_completed",
    "task_created",
    "stage_change",
    "stage_change",
    "opportunity_created",
    "note",
    "lead_created",
  ]);
  expect(errors).toEqual([]);
});
