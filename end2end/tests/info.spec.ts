// The information catalogue (imported from a service database; here the demo's own
// small one): the A–Z list leads by keyboard to a service with its fees and offices;
// a text not yet translated is shown in German and marked so; the search finds it,
// also without JavaScript. No accessibility violations.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

test("the A–Z list leads to a service with its offices, by keyboard", async ({ page }) => {
  await page.goto("/info");
  await expect(page.getByRole("heading", { level: 1, name: "Dienstleistungen von A bis Z" })).toBeVisible();
  await expectNoAxeViolations(page);
  const letters = page.getByRole("navigation", { name: "Anfangsbuchstaben" });
  await letters.getByRole("link", { name: "F", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#buchstabe-F$/);
  await page.getByRole("link", { name: "Fundsache abholen" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/info\/100001$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fundsache abholen" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Gebühren" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Fundbüro" })).toBeVisible();
  await expect(page.getByRole("link", { name: "089 000-200" })).toHaveAttribute("href", "tel:089000-200");
  await expectNoAxeViolations(page);
});

test("an untranslated text is shown in German and marked as German", async ({ page }) => {
  await page.goto("/lang/en?back=/info/100004");
  await expect(page.getByText("This description is only available in German.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "de");
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search finds the service", async ({ page }) => {
    await page.goto("/suche?q=Geldbeutel+verloren");
    await page.getByRole("link", { name: "Fundsache abholen" }).click();
    await expect(page).toHaveURL(/\/info\/100001$/);
  });
});
