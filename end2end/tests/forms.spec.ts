// Filing a request in the browser: error and correction, check page, receipt; every
// page of the way without accessibility violations.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration, watchForErrors } from "./helpers";

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

test("file a bulky-waste pick-up from the catalogue to the receipt", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/anmelden?return_to=/leistungen");
  await page.getByRole("button", { name: /Jonas Neumann/ }).click();
  await page.getByRole("link", { name: "Sperrmüll abholen lassen" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Antrag starten" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Was soll abgeholt werden?");
  await page.getByRole("button", { name: "Weiter" }).click();
  await expect(page.getByRole("heading", { name: "Bitte korrigieren Sie Ihre Angaben" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The summary links to the field; correct it and go on.
  await page.getByRole("link", { name: /Art der Gegenstände/ }).click();
  await page.getByLabel("Möbel").check();
  await page.getByLabel("Beschreibung").fill("1 Schrank, 2 Stühle");
  await page.getByLabel("Menge in Kubikmetern").fill("2");
  await page.getByRole("button", { name: "Weiter" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abholung");
  await page.getByLabel("Straße").fill("Marienplatz");
  await page.getByLabel("Hausnummer").fill("8");
  await page.getByLabel("Postleitzahl").fill("80331");
  await page.getByLabel("Ort").fill("München");
  await page.getByLabel("Wunschtermin").fill(inDays(10));
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Weiter" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prüfen Sie Ihre Angaben");
  await expect(page.getByText("1 Schrank, 2 Stühle")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Antrag absenden" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Antrag ist eingegangen");
  await expect(page.locator("#reference")).toHaveText(/^M-\d{4}-\d{6}$/);
  await waitForHydration(page);
  await expectNoAxeViolations(page);
  // Full-page form posts abort the previous page's wasm download; nothing else fails.
  expect(errors.filter((e) => !e.startsWith("request failed:"))).toEqual([]);
});
