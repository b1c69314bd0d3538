import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startAmiServer, type AmiServerAction, type AmiTestServer } from "../asterisk/testing/ami-server";
import { rewriteCapture } from "../asterisk/testing/capture-rewrite";
import { onHost, signIn, watchConsole } from "./helpers";

// Must show 2 of issue 6: Rui clicks Call on a lead; the PBX (our AMI test server, listening where
// the demo node `pbx-sp1` points: 127.0.0.1:5038) receives the Originate; it then plays capture 02
// (an answered click-to-call recorded from Asterisk 22), rewritten to Rui's extension, the lead's
// number and the call's own ids, in three parts, and the board in another tab follows each state.

const AMI_USER = { username: "linha", secret: "linha-demo-ami" };
const CAPTURE = "02-c2c-answered";
// Packet ranges of capture 02 (after its banner): up to the lead's phone ringing, up to the talk, the end.
const PARTS = { ringing: [4, 42], answered: [43, 75], ended: [76, 99] } as const;

let ami: AmiTestServer;
let capturesDir: string;

test.beforeAll(async () => {
  capturesDir = await mkdtemp(join(tmpdir(), "linha-e2e-captures-"));
  ami = await startAmiServer({ host: "127.0.0.1", port: 5038, users: [AMI_USER], capturesDir });
});

test.afterAll(async () => {
  await ami?.close();
  await rm(capturesDir, { recursive: true, force: true });
});

/** The app is connected to the PBX and its ingest sees Rui's phone registered (as capture 00 reports it). */
async function registerRuisPhone() {
  await expect.poll(() => ami.connectionCount(), { timeout: 30_000 }).toBeGreaterThan(0);
  // Events go to logged-in sessions only: repeat until the app's session has logged in and seen them.
  await expect
    .poll(
      async () => {
        ami.emit({ Event: "PeerStatus", Privilege: "system,all", ChannelType: "PJSIP", Peer: "PJSIP/acme_1003", PeerStatus: "Reachable" });
        ami.emit({
          Event: "ContactStatus",
          Privilege: "system,all",
          URI: "sip:acme_1003@127.0.0.1:5073",
          ContactStatus: "NonQualified",
          AOR: "acme_1003",
          EndpointName: "acme_1003",
          RoundtripUsec: "0",
        });
        return ami.actions.some((a) => a.action.toLowerCase() === "login");
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

function header(action: AmiServerAction, name: string): string[] {
  return action.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
}

async function createLead(page: Page, name: string, phone: string): Promise<string> {
  await page.getByRole("button", { name: "Novo lead" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Nome").fill(name);
  await dialog.getByLabel("Telefone").fill(phone);
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Lead criado.")).toBeVisible();
  await page.getByRole("searchbox", { name: "Buscar" }).fill(name);
  await page.getByTestId("lead-row").filter({ hasText: name }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

test("rui clicks Call on a lead: the PBX gets a well-formed Originate and the board follows ringing, answered, ended live", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ locale: "pt-BR" });
  const leadPage = await context.newPage();
  const errors = watchConsole(leadPage);
  await signIn(leadPage, "acme", "rui@acme.test", "linha-demo");
  await expect(leadPage).toHaveURL(/\/leads$/);
  await registerRuisPhone();

  const stamp = Date.now();
  const leadName = `Lead Ligação ${stamp}`;
  const leadId = await createLead(leadPage, leadName, "(11) 99999-0000");

  // The board, open in another tab before the call starts: it must follow without a reload.
  const board = await context.newPage();
  const boardErrors = watchConsole(board);
  await board.goto(onHost("acme", "/calls"));
  await expect(board.getByTestId("live-connection")).toHaveAttribute("data-status", "live");
  await expect(board.getByTestId("agent-1003")).toHaveAttribute("data-presence", "free");

  await expect(leadPage.getByTestId("call-button")).toBeEnabled();
  await leadPage.getByTestId("call-button").click();
  const originate = await ami.waitForAction("Originate", 15_000);
  expect(header(originate, "Channel")).toEqual(["PJSIP/acme_1003"]);
  expect(header(originate, "Context")).toEqual(["t_acme_outbound"]);
  expect(header(originate, "Exten")).toEqual(["+5511999990000"]);
  expect(header(originate, "Priority")).toEqual(["1"]);
  expect(header(originate, "Async")).toEqual(["true"]);
  const variables = header(originate, "Variable").flatMap((v) => v.split(","));
  const callId = variables.find((v) => v.startsWith("LINHA_CALL_ID="))?.split("=")[1];
  expect(callId).toMatch(/^[0-9a-f-]{36}$/);
  expect(variables).toEqual(expect.arrayContaining([`LINHA_TENANT=acme`, `LINHA_LEAD=${leadId}`, "BRIDGE_FEATURES=T"]));
  const actionId = originate.actionId!;

  const row = board.getByTestId("live-call").and(board.locator(`[data-call-id="${callId}"]`));
  await expect(row).toHaveAttribute("data-state", "originating");
  await expect(row).toContainText(leadName);

  // What Asterisk then reports, with this call's identities in capture 02's bytes.
  const linkedBase = String(Math.floor(stamp / 1000));
  const replace: Array<[string, string]> = [
    ["acme_1001", "acme_1003"],
    ["LINHA_CALL_ID\r\nValue: c-123", `LINHA_CALL_ID\r\nValue: ${callId}`],
    ["LINHA_LEAD\r\nValue: l-9", `LINHA_LEAD\r\nValue: ${leadId}`],
    ["c2c-0002", actionId],
    ["1795220605.", `${linkedBase}.`],
  ];
  for (const [part, [from, to]] of Object.entries(PARTS)) {
    await rewriteCapture(CAPTURE, capturesDir, `${CAPTURE}-${part}`, {
      replace,
      transform: (packet, index) => (index >= from && index <= to ? packet : null),
    });
  }

  await ami.replay(`${CAPTURE}-ringing`);
  await expect(row).toHaveAttribute("data-state", "ringing");
  await expect(board.getByTestId("agent-1003")).toHaveAttribute("data-presence", "in_call");
  await ami.replay(`${CAPTURE}-answered`);
  await expect(row).toHaveAttribute("data-state", "answered");
  await expect(row.getByTestId("call-duration")).toHaveText(/^0?0:0[1-9]$|^0?0:[1-5]\d$/, { timeout: 15_000 });
  await ami.replay(`${CAPTURE}-ended`);
  await expect(row).toHaveAttribute("data-state", "ended");

  // The lead's page: the after-call form, and the call on the timeline.
  await expect(leadPage.getByTestId("after-call-form")).toBeVisible();
  await leadPage.getByTestId("after-call-save").click();
  const newest = leadPage.getByTestId("timeline").getByTestId("timeline-entry").first();
  await expect(newest).toHaveAttribute("data-kind", "call");
  await expect(newest).toContainText("Rui");

  expect(errors).toEqual([]);
  expect(boardErrors).toEqual([]);
  await context.close();
});
