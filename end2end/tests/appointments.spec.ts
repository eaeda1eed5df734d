// Booking an appointment as a citizen, by keyboard, with and without JavaScript, on
// the demo catalogue: from a service's page to the office, the day and the time, the
// details, and the booked (signed in) or waiting (anonymous) appointment. No
// accessibility violations on any page of the way.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

/** axe-core runs in the page, so only where JavaScript does (`axe`). */
async function checkAccessibility(page: Page, axe: boolean) {
  if (axe) await expectNoAxeViolations(page);
}

/** From the certificate's choice page to a held time at office Mitte, checking each
 * page; returns the time chosen. */
async function holdATime(page: Page, axe: boolean): Promise<string> {
  await page.goto("/termine/auswahl?leistung=100003");
  await expect(page.getByRole("heading", { level: 1, name: "Meldebescheinigung beantragen" })).toBeVisible();
  await checkAccessibility(page, axe);
  await page.getByLabel("Für wie viele Personen?").selectOption("2");
  await page.getByLabel("Postleitzahl (freiwillig)").fill("80331");
  await page.getByRole("button", { name: "Dienststellen anzeigen" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Dienststelle wählen" })).toBeVisible();
  await expect(page.getByText("Sortiert nach der Entfernung von 80331.")).toBeVisible();
  // The nearest first: Mitte is at 80331, Nord farther out.
  const offices = page.getByRole("heading", { level: 2 });
  await expect(offices.first()).toHaveText("Bürgerbüro Mitte");
  await checkAccessibility(page, axe);
  await page.getByRole("link", { name: "Bürgerbüro Mitte" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Tag und Uhrzeit wählen" })).toBeVisible();
  await expect(page.getByText("Der Termin dauert 40 Minuten.")).toBeVisible();
  await checkAccessibility(page, axe);
  const firstDay = page.locator(".portal-days a").first();
  await firstDay.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".portal-days a[aria-current]")).toHaveCount(1);
  await checkAccessibility(page, axe);
  // With JavaScript the browser app solves the proof of work while the times show;
  // the hold below then carries it (a wrong one would lead back to the day).
  if (axe) await expect(page.locator('input[name="altcha"]')).toHaveCount(1, { timeout: 30_000 });
  const firstTime = page.locator(".portal-times button").first();
  const time = (await firstTime.innerText()).trim();
  await firstTime.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/termine\/vormerkung\/[0-9a-f]{64}$/, { timeout: 15_000 });
  return time;
}

// Each of these walks many pages and checks every one with axe-core: more than the
// default 30 seconds when the machine is busy.
test.describe.configure({ timeout: 120_000 });

test("a signed-in citizen books from the service page and can cancel", async ({ page }) => {
  await page.goto("/anmelden?return_to=/info/100003");
  await page.getByRole("button", { name: /Erika Mustermann/ }).click();
  await page.getByRole("link", { name: "Termin vereinbaren" }).first().click();
  const time = await holdATime(page, true);
  await expect(page.getByRole("heading", { level: 1, name: "Ihre Angaben" })).toBeVisible();
  await expect(page.getByLabel("Vor- und Nachname")).toHaveValue("Erika Mustermann");
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("readonly", "");
  await checkAccessibility(page, true);
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ihr Termin ist gebucht" })).toBeVisible();
  await expect(page.getByText(time)).toBeVisible();
  await expect(page.locator("#reference")).toHaveText(/^T-[A-Z0-9]{8}$/);
  await checkAccessibility(page, true);
  await page.getByRole("button", { name: "Termin absagen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Der Termin ist abgesagt" })).toBeVisible();
  await checkAccessibility(page, true);
});

/** An anonymous citizen holds a time, corrects a wrong address and is asked to confirm
 * it by mail. */
async function holdAndAskToConfirm(page: Page, axe: boolean) {
  await page.goto("/termine");
  await expect(page.getByRole("heading", { level: 1, name: "Termin vereinbaren" })).toBeVisible();
  await checkAccessibility(page, axe);
  await holdATime(page, axe);
  await page.getByLabel("Vor- und Nachname").fill("Ada Muster");
  await page.getByLabel("E-Mail-Adresse").fill("ada(at)example.org");
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await expect(page.getByText("Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.")).toBeVisible();
  await expect(page.getByLabel("Vor- und Nachname")).toHaveValue("Ada Muster");
  await checkAccessibility(page, axe);
  await page.getByLabel("E-Mail-Adresse").fill("ada@example.org");
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bitte bestätigen Sie Ihre E-Mail-Adresse" })).toBeVisible();
  await expect(page.getByText("ada@example.org", { exact: false })).toBeVisible();
  await checkAccessibility(page, axe);
}

test("a citizen without an account is asked to confirm the address", async ({ page }) => {
  await holdAndAskToConfirm(page, true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same way works with form posts alone", async ({ page }) => {
    await holdAndAskToConfirm(page, false);
  });

  test("no location button that could not work", async ({ page }) => {
    await page.goto("/termine/auswahl?leistung=100003");
    await expect(page.getByLabel("Postleitzahl (freiwillig)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Meinen Standort verwenden" })).toHaveCount(0);
  });
});

test("office staff see the day's appointments and note an arrival by keyboard", async ({ browser }) => {
  // Jonas books a time at office Mitte (Erika books in the test above; one address may
  // hold only two coming appointments per service, retries included).
  const citizenContext = await browser.newContext();
  const citizen = await citizenContext.newPage();
  await citizen.goto("/anmelden?return_to=/termine");
  await citizen.getByRole("button", { name: /Jonas Neumann/ }).click();
  await holdATime(citizen, false);
  await citizen.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  const reference = (await citizen.locator("#reference").innerText()).trim();
  const when = await citizen.locator(".portal-summary dd").last().innerText();
  await citizenContext.close();

  // Max (KVR) opens the office's day list for that day.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto("/anmelden?return_to=/termine/dienststelle");
  await staff.getByRole("button", { name: /Max Beispiel/ }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Termine der Dienststellen" })).toBeVisible();
  await expectNoAxeViolations(staff);
  await staff.getByRole("link", { name: "Bürgerbüro Mitte" }).click();
  // The office's first day must be on screen before its list is read: a read on the
  // page before would step past the booked day.
  await expect(staff.getByRole("heading", { level: 1, name: /^Bürgerbüro Mitte · / })).toBeVisible();
  // The booked day: step forward from today until the reference shows (at most a week).
  // Each step waits for the next day's page, so no click lands on a page on its way out.
  for (let step = 0; step < 8 && !(await staff.getByText(reference).count()); step++) {
    const before = staff.url();
    await staff.getByRole("link", { name: "Nächster Tag" }).click();
    await staff.waitForURL((url) => url.toString() !== before);
    await expect(staff.getByRole("heading", { level: 1 })).toBeVisible();
  }
  const row = staff.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Jonas Neumann");
  await expect(row).toContainText(when.split(", ").pop()!);
  await expectNoAxeViolations(staff);
  await row.getByRole("button", { name: `${reference}: Erschienen` }).focus();
  await staff.keyboard.press("Enter");
  // The post leads back to the booked day, a whole page load on a busy machine.
  await expect(staff).toHaveURL(/\?tag=\d{4}-\d{2}-\d{2}$/, { timeout: 15_000 });
  await expect(staff.getByRole("row").filter({ hasText: reference })).toContainText("erschienen", {
    timeout: 15_000,
  });
  await expectNoAxeViolations(staff);
  await staffContext.close();
});

test("a citizen who allows it finds the offices nearest to where they are", async ({ browser }) => {
  // In Milbertshofen, nearer to the citizens' office Nord than to Mitte.
  const context = await browser.newContext({
    geolocation: { latitude: 48.19, longitude: 11.57 },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  await page.goto("/termine/auswahl?leistung=100003");
  const use = page.getByRole("button", { name: "Meinen Standort verwenden" });
  await use.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(/Standort übernommen/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Dienststellen anzeigen" }).click();
  await expect(page.getByText("Sortiert nach der Entfernung von Ihrem Standort.")).toBeVisible();
  // Rounded to about 100 metres before it leaves the browser.
  expect(new URL(page.url()).searchParams.get("standort")).toBe("48.190,11.570");
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Bürgerbüro Nord");
  await context.close();

  // Without the permission the page says so and the postcode stays the way.
  const refusing = await browser.newContext({ permissions: [] });
  const other = await refusing.newPage();
  await other.goto("/termine/auswahl?leistung=100003");
  await other.getByRole("button", { name: "Meinen Standort verwenden" }).click();
  await expect(other.getByRole("status")).toHaveText(/nicht verfügbar/);
  await other.getByRole("button", { name: "Dienststellen anzeigen" }).click();
  await expect(other.getByText("Sortiert nach dem frühesten freien Tag.")).toBeVisible();
  await refusing.close();
});
