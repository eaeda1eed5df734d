// Casework in the browser: a citizen files a request; a caseworker finds it in the
// inbox and asks a question with the keyboard alone; the citizen answers with a photo;
// the caseworker decides with a generated letter; the citizen sees the decision and
// downloads the letter, then all her data as one archive, whose index she opens. No
// accessibility violations.
import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { expectNoAxeViolations, inDays, waitForHydration } from "./helpers";

/** An 8×8 PNG header: enough for the portal to recognise a picture. */
const PNG = Buffer.concat([
  Buffer.from("89504e470d0a1a0a0000000d49484452000000080000000808020000004b6d29dc", "hex"),
  Buffer.alloc(64),
]);

// The tests file as Erika Mustermann: one after the other, so none resumes another's
// draft. Each walk files a request, signs in and waits for the search index: on a
// busy two-core machine more than the default 30 seconds.
test.describe.configure({ mode: "serial", timeout: 90_000 });

/** Files a bulky-waste pick-up as Erika Mustermann (no other test files this service
 * as her, so no draft of a parallel test is resumed); returns the reference. */
async function fileBulkyWaste(page: Page): Promise<string> {
  await page.goto("/anmelden?return_to=/leistungen/sperrmuell-abholung");
  await page.locator('button[value="citizen"]').click();
  await page.getByRole("button", { name: "Antrag starten" }).click();
  await page.getByLabel("Möbel").check();
  await page.getByLabel("Beschreibung").fill("1 Sofa, 2 Sessel");
  await page.getByLabel("Menge in Kubikmetern").fill("2");
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.getByLabel("Straße").fill("Marienplatz");
  await page.getByLabel("Hausnummer").fill("8");
  await page.getByLabel("Postleitzahl").fill("80331");
  await page.getByLabel("Ort").fill("München");
  await page.getByLabel("Wunschtermin").fill(inDays(10));
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.getByRole("button", { name: "Antrag absenden" }).click();
  return (await page.locator("#reference").textContent()) ?? "";
}

/** Activates `target` from the keyboard: focus, then Enter. */
async function pressEnterOn(page: Page, target: ReturnType<Page["locator"]>) {
  await target.focus();
  await page.keyboard.press("Enter");
}

test("a caseworker finds cases by their words and opens one by its reference", async ({ browser }) => {
  const citizen = await (await browser.newContext()).newPage();
  const reference = await fileBulkyWaste(citizen);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/anmelden?return_to=/bearbeitung");
  await page.locator('button[value="caseworker-awm"]').click();
  await waitForHydration(page);
  // While typing, the applicant's cases are suggested.
  await page.getByRole("searchbox", { name: "Fälle suchen" }).focus();
  const suggestions = page.locator("#suche-vorschlaege");
  await expect(async () => {
    await page.getByRole("searchbox", { name: "Fälle suchen" }).fill("");
    await page.keyboard.type("Musterm");
    await expect(suggestions.getByRole("link", { name: new RegExp(reference) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expectNoAxeViolations(page);
  await page.getByRole("searchbox", { name: "Fälle suchen" }).fill("");
  await page.keyboard.type("Sessel");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/suche=Sessel/);
  // The index follows within moments; a reload shows what it has.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: reference })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByRole("heading", { level: 2, name: /(Ein Fall|\d+ Fälle) für „Sessel“/ })).toBeVisible();
  await expectNoAxeViolations(page);

  const field = page.getByRole("searchbox", { name: "Fälle suchen" });
  await field.fill(reference);
  await field.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
});

test("a caseworker asks, the citizen answers, the caseworker decides; caseworker by keyboard", async ({ browser }) => {
  // Two people, a dozen pages and eight accessibility scans: more than the default time.
  test.slow();
  const citizen = await (await browser.newContext()).newPage();
  const reference = await fileBulkyWaste(citizen);
  expect(reference).toMatch(/^M-\d{4}-\d{6}$/);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/anmelden?return_to=/bearbeitung");
  await page.locator('button[value="caseworker-awm"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posteingang");
  await expectNoAxeViolations(page);

  await pressEnterOn(page, page.getByRole("link", { name: reference }));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(page.getByText("1 Sofa, 2 Sessel")).toBeVisible();
  await expectNoAxeViolations(page);

  // The actions panel: a shortcut chooses the action, "Ausführen" carries it out.
  await waitForHydration(page);
  await page.keyboard.press("Alt+u");
  await expect(page.getByRole("radio", { name: /Fall übernehmen/ })).toBeChecked();
  await pressEnterOn(page, page.getByRole("button", { name: "Ausführen" }));
  await expect(page.locator("#state")).toHaveText("In Bearbeitung");
  await expect(page.getByRole("status")).toContainText("Sie bearbeiten den Fall jetzt.");
  await expectNoAxeViolations(page);

  await waitForHydration(page);
  await page.keyboard.press("Alt+r");
  await expect(page.getByRole("radio", { name: /Rückfrage senden/ })).toBeChecked();
  await page.getByLabel("Was brauchen Sie").focus();
  await page.keyboard.type("Passt das Sofa durch die Haustür?");
  await pressEnterOn(page, page.getByRole("button", { name: "Ausführen" }));
  await expect(page.locator("#state")).toHaveText("Rückfrage an Antragsteller*in");
  await expect(page.getByText("Passt das Sofa durch die Haustür?")).toBeVisible();
  await expectNoAxeViolations(page);

  // Filtered by state, the case is there.
  await page.goto("/bearbeitung?zustand=waiting_for_citizen");
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
  await expectNoAxeViolations(page);

  // The citizen sees the question in "my applications" and answers it.
  await citizen.goto("/antraege");
  await expect(citizen.getByText("Bitte beantworten Sie unsere Rückfrage.")).toBeVisible();
  await expectNoAxeViolations(citizen);
  await citizen
    .getByRole("listitem")
    .filter({ hasText: reference })
    .getByRole("link", { name: "Vorgang ansehen" })
    .click();
  const question = citizen.getByRole("region", { name: "Unsere Rückfrage an Sie" });
  await expect(question.getByText("Passt das Sofa durch die Haustür?")).toBeVisible();
  await expectNoAxeViolations(citizen);
  await citizen.getByLabel("Ihre Antwort").fill("Ja, es ist zerlegbar.");
  await citizen.getByLabel("Unterlagen anhängen").setInputFiles({
    name: "Sofa.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  await citizen.getByRole("button", { name: "Antwort senden" }).click();
  await expect(citizen.locator("#state")).toHaveText("In Bearbeitung");
  await expect(citizen.getByRole("link", { name: "Sofa.png" })).toBeVisible();

  // The caseworker approves with a reason, by keyboard.
  await page.goto(`/bearbeitung?zustand=in_progress`);
  await pressEnterOn(page, page.getByRole("link", { name: reference }));
  await expect(page.getByText("Ja, es ist zerlegbar.")).toBeVisible();
  // The citizen's photo is there to download.
  const photo = page.waitForEvent("download");
  await pressEnterOn(page, page.getByRole("link", { name: "Sofa.png" }));
  expect((await photo).suggestedFilename()).toBe("Sofa.png");
  const approval = page.locator("form.portal-action-panel");
  // Before an action is chosen, the letter's inputs are not in the way.
  await expect(approval.getByLabel("Bescheid als PDF erzeugen")).toBeHidden();
  await waitForHydration(page);
  await page.keyboard.press("Alt+g");
  await expect(approval.getByRole("radio", { name: /Genehmigen/ })).toBeChecked();
  await approval.getByLabel("Begründung der Genehmigung").focus();
  await page.keyboard.type("Abholung am Wunschtermin.");
  await approval.getByLabel("Bescheid als PDF erzeugen").focus();
  await page.keyboard.press("Space");
  await expect(approval.getByLabel("Bescheid als PDF erzeugen")).toBeChecked();
  await pressEnterOn(page, approval.getByRole("button", { name: "Ausführen" }));
  await expect(page.locator("#state")).toHaveText("Entschieden");
  await expect(page.getByRole("link", { name: `Bescheid-${reference}.pdf` })).toBeVisible();
  await expectNoAxeViolations(page);

  // The citizen sees the decision and its reason.
  await citizen.reload();
  await expect(citizen.getByRole("heading", { name: "Ihr Antrag wurde genehmigt" })).toBeVisible();
  await expect(citizen.getByRole("status").getByText("Abholung am Wunschtermin.")).toBeVisible();
  const letter = citizen.waitForEvent("download");
  await citizen.getByRole("link", { name: `Bescheid-${reference}.pdf` }).click();
  const saved = await (await letter).path();
  expect(readFileSync(saved).subarray(0, 5).toString()).toBe("%PDF-");
  await expectNoAxeViolations(citizen);
});

test("a caseworker claims a selection in the inbox by keyboard and reads the result per case", async ({ browser }) => {
  test.slow();
  const citizen = await (await browser.newContext()).newPage();
  const reference = await fileBulkyWaste(citizen);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/anmelden?return_to=/bearbeitung");
  await page.locator('button[value="caseworker-awm-2"]').click();
  await page.getByLabel("Leistung", { exact: true }).selectOption("sperrmuell");
  await pressEnterOn(page, page.getByRole("button", { name: "Auswahl anzeigen" }));
  await expect(page).toHaveURL(/leistung=sperrmuell/);
  const select = page.getByRole("checkbox", { name: `Fall ${reference} auswählen` });
  await select.focus();
  await page.keyboard.press("Space");
  await expect(select).toBeChecked();
  await page.getByLabel("Aktion").selectOption("claim");
  await pressEnterOn(page, page.getByRole("button", { name: "Auf Auswahl anwenden" }));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ergebnis der Sammelaktion");
  await expect(page.getByText("1 von 1 Fällen erledigt.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toContainText("Erledigt.");
  await expectNoAxeViolations(page);
  await pressEnterOn(page, page.getByRole("link", { name: reference }));
  await expect(page.locator("#state")).toHaveText("In Bearbeitung");
});

test("the citizen downloads all her data from her account by keyboard; the archive's index is accessible", async ({ page }) => {
  test.setTimeout(60_000);
  const reference = await fileBulkyWaste(page);
  await page.goto("/konto");
  await expect(page.getByRole("heading", { level: 2, name: "Ihre Daten herunterladen" })).toBeVisible();
  await expectNoAxeViolations(page);
  const download = page.waitForEvent("download");
  await pressEnterOn(page, page.getByRole("link", { name: "Alle meine Daten herunterladen (ZIP)" }));
  const archive = await download;
  expect(archive.suggestedFilename()).toMatch(/^meine-daten-\d{4}-\d{2}-\d{2}\.zip$/);
  const entries = unzipSync(readFileSync(await archive.path()));
  expect(Object.keys(entries)).toEqual(expect.arrayContaining(["index.html", "data.json"]));
  const data = JSON.parse(strFromU8(entries["data.json"]));
  expect(data.parts.map((part: { title: string }) => part.title)).toContain("Ihre Vorgänge");

  // The index, opened from the unpacked archive as the citizen would.
  const folder = mkdtempSync(join(tmpdir(), "portal-copy-"));
  for (const [name, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), bytes);
  }
  await page.goto(pathToFileURL(join(folder, "index.html")).href);
  await expect(page.getByRole("heading", { level: 1, name: "Ihre Daten im Serviceportal" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(reference) }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "1 Sofa, 2 Sessel" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
