import { expect, test, type Page } from "@playwright/test";
import { onHost, signIn, watchConsole } from "./helpers";

// Issue 4, Must show 2: the board's drag and drop works from the keyboard, and a save that fails
// for a real reason (someone else moved the card first) puts the card back and says why.

async function newOpportunityInFirstStage(page: Page, title: string) {
  const first = page.getByTestId("board-column").first();
  const stage = (await first.getAttribute("aria-label"))!;
  await first.getByRole("button", { name: `Nova oportunidade em ${stage}` }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Título").fill(title);
  await dialog.getByLabel("Valor (R$)").fill("3.000,00");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(first.getByTestId("opportunity-card").filter({ hasText: title })).toBeVisible();
}

/** Picks the card up with Space, walks right `steps` columns, drops with Space — waiting for each announcement. */
async function keyboardMove(page: Page, title: string, fromColumn: number, steps: number) {
  const columns = page.getByTestId("board-column");
  const live = page.locator("[id^=DndLiveRegion]");
  await columns.nth(fromColumn).getByTestId("opportunity-card").filter({ hasText: title }).focus();
  const home = await columns.nth(fromColumn).getAttribute("aria-label");
  await page.keyboard.press("Space");
  // dnd-kit announces the pick-up, then at once that the card is over its own column.
  await expect(live).toContainText(new RegExp(`Você pegou ${title}|${title} está sobre a etapa ${home}\\.`));
  for (let step = 1; step <= steps; step++) {
    const stage = await columns.nth(fromColumn + step).getAttribute("aria-label");
    await page.keyboard.press("ArrowRight");
    await expect(live).toContainText(`${title} está sobre a etapa ${stage}.`);
  }
  await page.keyboard.press("Space");
}

test("a card moves between stages by keyboard alone, and stays there", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, "acme", "ana@acme.test", "linha-demo");
  await expect(page).toHaveURL(/\/leads$/);
  await page.goto(onHost("acme", "/board"));
  const title = `Teclado ${Date.now()}`;
  await newOpportunityInFirstStage(page, title);

  const columns = page.getByTestId("board-column");
  await keyboardMove(page, title, 0, 2);
  await expect(columns.nth(2).getByTestId("opportunity-card").filter({ hasText: title })).toBeVisible();
  await expect(columns.nth(2).getByTestId("opportunity-card").filter({ hasText: title })).toBeFocused();

  await page.reload();
  await expect(columns.nth(2).getByTestId("opportunity-card").filter({ hasText: title })).toBeVisible();
  await expect(columns.first().getByTestId("opportunity-card").filter({ hasText: title })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a move that another user made first is refused: the card returns and a message says why", async ({ page, browser }) => {
  await signIn(page, "acme", "ana@acme.test", "linha-demo");
  await expect(page).toHaveURL(/\/leads$/);
  await page.goto(onHost("acme", "/board"));
  const title = `Conflito ${Date.now()}`;
  await newOpportunityInFirstStage(page, title);

  // Marta, on her own browser, moves the same card to the fourth stage first.
  const other = await browser.newContext({ locale: "pt-BR" });
  const marta = await other.newPage();
  await signIn(marta, "acme", "marta@acme.test", "linha-demo");
  await expect(marta).toHaveURL(/\/leads$/);
  await marta.goto(onHost("acme", "/board"));
  const martaColumns = marta.getByTestId("board-column");
  const target = (await martaColumns.nth(3).getAttribute("aria-label"))!;
  await marta.getByRole("button", { name: `Ações de ${title}` }).click();
  await marta.getByRole("menuitem", { name: "Mover para…" }).click();
  await marta.getByRole("menuitem", { name: target }).click();
  await expect(martaColumns.nth(3).getByTestId("opportunity-card").filter({ hasText: title })).toBeVisible();
  await other.close();

  // Ana's board still shows it in the first stage; her keyboard move to the second fails.
  const columns = page.getByTestId("board-column");
  await keyboardMove(page, title, 0, 1);
  await expect(page.getByText("Esta oportunidade foi movida ou fechada por outra pessoa. O quadro foi atualizado.")).toBeVisible();
  await expect(columns.nth(1).getByTestId("opportunity-card").filter({ hasText: title })).toHaveCount(0);
  await expect(columns.nth(3).getByTestId("opportunity-card").filter({ hasText: title })).toBeVisible();
});
